import type { Label } from './descriptor';

/**
 * Words for the enum names that pollers pass through as they come from a MIB or the vSphere API
 * ("poweredOn", "toolsNotInstalled", "onLine", "OTHER"), in both languages. One table for every family:
 * the same name means the same thing wherever it appears. A cell whose whole text is one of these names is
 * shown with its label; anything else is shown as it came.
 */
export const ENUM_LABELS: Readonly<Record<string, Label>> = {
  // vSphere: VirtualMachinePowerState, HostSystemPowerState, HostSystemConnectionState
  poweredOn: { en: 'Powered on', fr: 'Allumée' },
  poweredOff: { en: 'Powered off', fr: 'Éteinte' },
  suspended: { en: 'Suspended', fr: 'Suspendue' },
  standBy: { en: 'Standby', fr: 'En veille' },
  connected: { en: 'Connected', fr: 'Connecté' },
  disconnected: { en: 'Disconnected', fr: 'Déconnecté' },
  notResponding: { en: 'Not responding', fr: 'Ne répond pas' },
  // vSphere: VirtualMachineToolsStatus
  toolsOk: { en: 'Running, up to date', fr: 'En marche, à jour' },
  toolsOld: { en: 'Running, out of date', fr: 'En marche, périmées' },
  toolsNotRunning: { en: 'Not running', fr: 'Arrêtées' },
  toolsNotInstalled: { en: 'Not installed', fr: 'Non installées' },
  // vSphere: datastore summary.type
  VMFS: { en: 'VMFS', fr: 'VMFS' },
  NFS: { en: 'NFS 3', fr: 'NFS 3' },
  NFS41: { en: 'NFS 4.1', fr: 'NFS 4.1' },
  vsan: { en: 'vSAN', fr: 'vSAN' },
  VVOL: { en: 'Virtual Volumes', fr: 'Volumes virtuels' },
  PMEM: { en: 'Persistent memory', fr: 'Mémoire persistante' },
  OTHER: { en: 'Other', fr: 'Autre' },
  // UPS output status (UPS-MIB, PowerNet, XUPS, MGE) and the shared UPS vocabulary
  online: { en: 'On line', fr: 'Sur secteur' },
  onLine: { en: 'On line', fr: 'Sur secteur' },
  onBattery: { en: 'On battery', fr: 'Sur batterie' },
  onSmartBoost: { en: 'Boosting low input', fr: 'Compensation de sous-tension' },
  onSmartTrim: { en: 'Trimming high input', fr: 'Compensation de surtension' },
  boost: { en: 'Boosting low input', fr: 'Compensation de sous-tension' },
  trim: { en: 'Trimming high input', fr: 'Compensation de surtension' },
  bypass: { en: 'On bypass', fr: 'Sur bypass' },
  softwareBypass: { en: 'On bypass (software)', fr: 'Sur bypass (logiciel)' },
  switchedBypass: { en: 'On bypass (switched)', fr: 'Sur bypass (commuté)' },
  hardwareFailureBypass: { en: 'On bypass (hardware failure)', fr: 'Sur bypass (panne matérielle)' },
  emergencyStaticBypass: { en: 'On emergency bypass', fr: 'Sur bypass d’urgence' },
  staticBypassStandby: { en: 'Bypass on standby', fr: 'Bypass en attente' },
  timedSleeping: { en: 'Sleeping (timed)', fr: 'En sommeil (programmé)' },
  sleeping: { en: 'Sleeping', fr: 'En sommeil' },
  sleepingUntilPowerReturn: { en: 'Sleeping until power returns', fr: 'En sommeil jusqu’au retour secteur' },
  rebooting: { en: 'Rebooting', fr: 'Redémarrage' },
  selfTest: { en: 'Self-test', fr: 'Autotest' },
  onBatteryTest: { en: 'Battery test', fr: 'Test batterie' },
  ecoMode: { en: 'Eco mode', fr: 'Mode éco' },
  hotStandby: { en: 'Hot standby', fr: 'Secours à chaud' },
  powerSavingMode: { en: 'Power saving', fr: 'Économie d’énergie' },
  utilityOff: { en: 'Utility off', fr: 'Secteur coupé' },
  noTransfer: { en: 'No transfer', fr: 'Aucun transfert' },
  highLineVoltage: { en: 'High line voltage', fr: 'Tension secteur haute' },
  brownout: { en: 'Brownout', fr: 'Sous-tension' },
  blackout: { en: 'Blackout', fr: 'Coupure' },
  smallMomentarySag: { en: 'Small momentary sag', fr: 'Petit creux de tension' },
  deepMomentarySag: { en: 'Deep momentary sag', fr: 'Creux de tension profond' },
  smallMomentarySpike: { en: 'Small momentary spike', fr: 'Petite surtension brève' },
  largeMomentarySpike: { en: 'Large momentary spike', fr: 'Forte surtension brève' },
  rateOfVoltageChange: { en: 'Rate of voltage change', fr: 'Variation rapide de tension' },
  // Sensors (SPAGENT-MIB) and battery status
  normal: { en: 'Normal', fr: 'Normal' },
  noStatus: { en: 'No status', fr: 'Sans état' },
  highWarning: { en: 'High (warning)', fr: 'Haut (alerte)' },
  highCritical: { en: 'High (critical)', fr: 'Haut (critique)' },
  lowWarning: { en: 'Low (warning)', fr: 'Bas (alerte)' },
  lowCritical: { en: 'Low (critical)', fr: 'Bas (critique)' },
  sensorError: { en: 'Sensor error', fr: 'Erreur de capteur' },
  low: { en: 'Low', fr: 'Faible' },
  fault: { en: 'Fault', fr: 'En défaut' },
  absent: { en: 'Absent', fr: 'Absente' },
  // NetApp cluster failover
  canTakeover: { en: 'Can take over', fr: 'Reprise possible' },
  cannotTakeover: { en: 'Cannot take over', fr: 'Reprise impossible' },
  takeover: { en: 'Taken over', fr: 'Reprise en cours' },
  notPresent: { en: 'Not present', fr: 'Absent' },
  partialFailure: { en: 'Partial failure', fr: 'Panne partielle' },
  maybeDown: { en: 'Maybe down', fr: 'Peut-être arrêté' },
  nearlyFull: { en: 'Nearly full', fr: 'Presque plein' },
  full: { en: 'Full', fr: 'Plein' },
  flexibleVolume: { en: 'Flexible volume', fr: 'Volume flexible' },
  aggregate: { en: 'Aggregate', fr: 'Agrégat' },
  // Hardware sensor types: vSphere's HostNumericSensorType and ENTITY-SENSOR-MIB's (esxi-sensors.ts)
  temperature: { en: 'Temperature', fr: 'Température' },
  fan: { en: 'Fan', fr: 'Ventilateur' },
  voltage: { en: 'Voltage', fr: 'Tension' },
  voltageAC: { en: 'Voltage (AC)', fr: 'Tension (alternatif)' },
  voltageDC: { en: 'Voltage (DC)', fr: 'Tension (continu)' },
  current: { en: 'Current', fr: 'Courant' },
  power: { en: 'Power', fr: 'Alimentation' },
  frequency: { en: 'Frequency', fr: 'Fréquence' },
  humidity: { en: 'Humidity', fr: 'Humidité' },
  airflow: { en: 'Airflow', fr: 'Débit d’air' },
  presence: { en: 'Presence', fr: 'Présence' },
  processor: { en: 'Processor', fr: 'Processeur' },
  memory: { en: 'Memory', fr: 'Mémoire' },
  storage: { en: 'Storage', fr: 'Stockage' },
  systemBoard: { en: 'System board', fr: 'Carte mère' },
  battery: { en: 'Battery', fr: 'Batterie' },
  bios: { en: 'BIOS', fr: 'BIOS' },
  cable: { en: 'Cable', fr: 'Câble' },
  watchdog: { en: 'Watchdog', fr: 'Chien de garde' },
  // Where an ESXi SNMP page's hardware sensors come from (esxi-sensors.ts)
  entitySensorMib: { en: 'The host’s SNMP agent (ENTITY-SENSOR-MIB)', fr: 'L’agent SNMP de l’hôte (ENTITY-SENSOR-MIB)' },
  vmwareEnvMib: { en: 'The host’s SNMP agent (VMWARE-ENV-MIB, states without readings)', fr: 'L’agent SNMP de l’hôte (VMWARE-ENV-MIB, états sans valeurs)' },
  chassis: { en: 'Chassis', fr: 'Châssis' },
  sensorsFromVcenter: { en: 'The vCenter managing this host (vSphere health system)', fr: 'Le vCenter qui gère cet hôte (système de santé vSphere)' },
  noSensorMib: {
    en: 'None: the host’s SNMP agent exposes no sensor MIB. Add the vCenter that manages this host to Vigie to see its sensors here.',
    fr: 'Aucun : l’agent SNMP de l’hôte n’expose aucune MIB de capteurs. Ajoutez à Vigie le vCenter qui gère cet hôte pour voir ses capteurs ici.',
  },
};

export function enumLabel(value: string, lang: 'en' | 'fr'): string | null {
  return Object.hasOwn(ENUM_LABELS, value) ? (ENUM_LABELS[value]?.[lang] ?? null) : null;
}
