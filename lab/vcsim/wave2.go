package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"sort"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/types"
)

// wave2 is what -wave2 seeded for the report's second-wave checks, for the ready line ("wave2" key): one
// finding (or two) per check, on objects no other seed uses, so tests expect exactly these.
type wave2 struct {
	ConsolidationVm  string       `json:"consolidationVm"`
	ToolsOldVm       string       `json:"toolsOldVm"`
	HardwareOldVm    string       `json:"hardwareOldVm"`
	BalloonVm        string       `json:"balloonVm"`
	SwapVm           string       `json:"swapVm"`
	GuestDiskVm      string       `json:"guestDiskVm"`
	InaccessibleVm   string       `json:"inaccessibleVm"`
	NicVm            string       `json:"nicVm"`
	OffLongVm        string       `json:"offLongVm"`
	OffLongDays      int          `json:"offLongDays"`
	OffRecentVm      string       `json:"offRecentVm"`
	OffUnknownVm     string       `json:"offUnknownVm"`
	HaRestartVm      string       `json:"haRestartVm"`
	HaRestartFrom    string       `json:"haRestartFrom"`
	HaRestartTo      string       `json:"haRestartTo"`
	SshHost          string       `json:"sshHost"`
	RebootHost       string       `json:"rebootHost"`
	CertHost         string       `json:"certHost"`
	CertDaysLeft     int          `json:"certDaysLeft"`
	SensorHost       string       `json:"sensorHost"`
	Sensors          []seedSensor `json:"sensors"`
	DeadPathHost     string       `json:"deadPathHost"`
	DeadPath         string       `json:"deadPath"`
	OvercommitHost   string       `json:"overcommitHost"`
	ConfigIssueHost  string       `json:"configIssueHost"`
	ConfigIssue      string       `json:"configIssue"`
	DrsOffCluster    string       `json:"drsOffCluster"`
	OverallocatedDs  string       `json:"overallocatedDatastore"`
	PartialDs        string       `json:"partialDatastore"`
	PartialDsMissing string       `json:"partialDatastoreMissingHost"`
	PromiscuousHost  string       `json:"promiscuousHost"`
	PromiscuousPg    string       `json:"promiscuousPortgroup"`
	ForgedDvpg       string       `json:"forgedDvPortgroup"`
	ExpiringLicense  string       `json:"expiringLicense"`
	OverusedLicense  string       `json:"overusedLicense"`
	Alarms           []seedAlarm  `json:"alarms"`
}

type seedSensor struct {
	Name    string  `json:"name"`
	Type    string  `json:"type"`
	Reading float64 `json:"reading"`
	Unit    string  `json:"unit"`
	Status  string  `json:"status"`
}

type seedAlarm struct {
	Entity       string `json:"entity"`
	Alarm        string `json:"alarm"`
	Status       string `json:"status"`
	Acknowledged bool   `json:"acknowledged"`
}

// hostCert is a PEM certificate for a host that expires in `days` days.
func hostCert(name string, days int) ([]byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: name, Organization: []string{"Vigie lab"}},
		NotBefore:    time.Now().Add(-365 * 24 * time.Hour),
		NotAfter:     time.Now().Add(time.Duration(days)*24*time.Hour + time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), nil
}

func sensor(name, kind string, reading int64, modifier int32, unit, status string) types.HostNumericSensorInfo {
	return types.HostNumericSensorInfo{
		Name:           name,
		HealthState:    &types.ElementDescription{Description: types.Description{Label: status, Summary: status}, Key: status},
		CurrentReading: reading,
		UnitModifier:   modifier,
		BaseUnits:      unit,
		SensorType:     kind,
	}
}

func hostObj(p hostPlace) *simulator.HostSystem {
	return simulator.Map.Get(p.host.Reference()).(*simulator.HostSystem)
}

// seedWave2 makes every host healthy and hardened first (green sensors, a certificate a year away, HA and
// admission control on, port groups rejecting everything), then seeds one problem per second-wave check.
func seedWave2(ctx context.Context, c *vim25.Client, places []hostPlace, vms []*object.VirtualMachine, done applied) (wave2, error) {
	out := wave2{}
	used := map[string]bool{done.HostileVm: true}
	for _, l := range [][]string{done.NoToolsVms, done.CdromVms, done.SnapshotVms} {
		for _, n := range l {
			used[n] = true
		}
	}
	var free []*object.VirtualMachine
	for _, vm := range vms {
		g := vmObj(vm)
		if g.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn && !used[g.Name] {
			free = append(free, vm)
		}
	}
	// Taken from the end: the scenario's own picks come from the start of the list.
	take := func() (*simulator.VirtualMachine, *object.VirtualMachine, error) {
		if len(free) == 0 {
			return nil, nil, fmt.Errorf("-wave2 needs more powered-on VMs (raise -vm)")
		}
		vm := free[len(free)-1]
		free = free[:len(free)-1]
		return vmObj(vm), vm, nil
	}
	var connected []hostPlace
	for _, p := range places {
		h := hostObj(p)
		if h.Runtime.ConnectionState == types.HostSystemConnectionStateConnected && !h.Runtime.InMaintenanceMode {
			connected = append(connected, p)
		}
	}
	if len(connected) < 2 {
		return out, fmt.Errorf("-wave2 needs 2 connected hosts out of maintenance")
	}

	// Baseline: healthy, hardened hosts and clusters.
	for _, p := range places {
		h := hostObj(p)
		cert, err := hostCert(p.name, 400)
		if err != nil {
			return out, err
		}
		h.Config.Certificate = cert
		h.Runtime.HealthSystemRuntime = &types.HealthSystemRuntime{SystemHealthInfo: &types.HostSystemHealthInfo{NumericSensorInfo: []types.HostNumericSensorInfo{
			sensor("System Board 1 Ambient Temp", "temperature", 2400, -2, "Degrees C", "green"),
			sensor("Power Supply 1 PS1 Status", "power", 1, 0, "", "green"),
		}}}
		if h.Config.Network != nil {
			pgs := make([]types.HostPortGroup, len(h.Config.Network.Portgroup))
			for i, pg := range h.Config.Network.Portgroup {
				pg.Spec.Policy.Security = &types.HostNetworkSecurityPolicy{AllowPromiscuous: types.NewBool(false), MacChanges: types.NewBool(false), ForgedTransmits: types.NewBool(false)}
				pg.ComputedPolicy.Security = &types.HostNetworkSecurityPolicy{AllowPromiscuous: types.NewBool(false), MacChanges: types.NewBool(false), ForgedTransmits: types.NewBool(false)}
				pgs[i] = pg
			}
			network := *h.Config.Network
			network.Portgroup = pgs
			h.Config.Network = &network
		}
	}
	for _, vm := range vms {
		g := vmObj(vm)
		if g.Runtime.PowerState != types.VirtualMachinePowerStatePoweredOn {
			continue
		}
		// The simulator leaves NICs disconnected whatever the power state; a running VM's NIC is connected.
		for _, d := range g.Config.Hardware.Device {
			if nic, ok := d.(types.BaseVirtualEthernetCard); ok {
				card := nic.GetVirtualEthernetCard()
				// Every VM's card was copied from one template: give each its own connect info.
				info := types.VirtualDeviceConnectInfo{}
				if card.Connectable != nil {
					info = *card.Connectable
				}
				info.Connected = true
				card.Connectable = &info
			}
		}
	}
	for _, p := range places {
		// Room for every VM's memory: only the seeded host is overcommitted.
		h := hostObj(p)
		hw := *h.Summary.Hardware
		hw.MemorySize = 256 << 30
		h.Summary.Hardware = &hw
	}
	clusters := sortedEntities("ClusterComputeResource")
	for _, e := range clusters {
		cl := e.(*simulator.ClusterComputeResource)
		cfg := cl.ConfigurationEx.(*types.ClusterConfigInfoEx)
		cfg.DasConfig.Enabled = types.NewBool(true)
		cfg.DasConfig.AdmissionControlEnabled = types.NewBool(true)
		cfg.DrsConfig.Enabled = types.NewBool(true)
	}
	if len(clusters) > 0 {
		cl := clusters[0].(*simulator.ClusterComputeResource)
		cl.ConfigurationEx.(*types.ClusterConfigInfoEx).DrsConfig.Enabled = types.NewBool(false)
		out.DrsOffCluster = cl.Name
	}

	// VMs.
	g, _, err := take()
	if err != nil {
		return out, err
	}
	g.Runtime.ConsolidationNeeded = types.NewBool(true)
	out.ConsolidationVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	g.Guest.ToolsVersionStatus2 = string(types.VirtualMachineToolsVersionStatusGuestToolsNeedUpgrade)
	g.Guest.ToolsVersion = "10249"
	out.ToolsOldVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	g.Config.Version = "vmx-10"
	out.HardwareOldVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	g.Summary.QuickStats.BalloonedMemory = 512
	out.BalloonVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	g.Summary.QuickStats.SwappedMemory = 256
	out.SwapVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	g.Guest.Disk = []types.GuestDiskInfo{
		{DiskPath: "C:\\", Capacity: 100 << 30, FreeSpace: 500 << 20},
		{DiskPath: "D:\\", Capacity: 100 << 30, FreeSpace: 50 << 30},
	}
	out.GuestDiskVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	g.Runtime.ConnectionState = types.VirtualMachineConnectionStateInaccessible
	g.Summary.Runtime.ConnectionState = g.Runtime.ConnectionState
	out.InaccessibleVm = g.Name
	if g, _, err = take(); err != nil {
		return out, err
	}
	for _, d := range g.Config.Hardware.Device {
		if nic, ok := d.(types.BaseVirtualEthernetCard); ok {
			card := nic.GetVirtualEthernetCard()
			if card.Connectable == nil {
				card.Connectable = &types.VirtualDeviceConnectInfo{}
			}
			card.Connectable.Connected = false
			card.Connectable.StartConnected = true
			break
		}
	}
	out.NicVm = g.Name

	// Powered off 10 days ago, 3 days ago, and 60 days ago (past the 30 days the report reads: unknown).
	offAt := map[string]time.Duration{}
	for i, days := range []int{10, 3, 60} {
		g, vm, err := take()
		if err != nil {
			return out, err
		}
		if err := powerOff(ctx, vm); err != nil {
			return out, err
		}
		offAt[g.Name] = time.Duration(days) * 24 * time.Hour
		switch i {
		case 0:
			out.OffLongVm, out.OffLongDays = g.Name, days
		case 1:
			out.OffRecentVm = g.Name
		default:
			out.OffUnknownVm = g.Name
		}
	}
	events, err := liveEvents(ctx, c)
	if err != nil {
		return out, err
	}
	now := time.Now()
	for _, e := range events {
		if off, ok := e.(*types.VmPoweredOffEvent); ok && off.Vm != nil {
			if age, ok := offAt[off.Vm.Name]; ok {
				off.CreatedTime = now.Add(-age)
			}
		}
	}

	// HA restart a day ago, from the first connected host to the second.
	if g, _, err = take(); err != nil {
		return out, err
	}
	from, to := connected[0], connected[1]
	ha := &types.VmRestartedOnAlternateHostEvent{
		VmPoweredOnEvent: types.VmPoweredOnEvent{VmEvent: types.VmEvent{Event: types.Event{
			Vm:                   &types.VmEventArgument{Vm: g.Self, EntityEventArgument: types.EntityEventArgument{Name: g.Name}},
			Host:                 &types.HostEventArgument{Host: to.host.Reference(), EntityEventArgument: types.EntityEventArgument{Name: to.name}},
			FullFormattedMessage: fmt.Sprintf("%s was restarted on %s by vSphere HA", g.Name, to.name),
		}}},
		SourceHost: types.HostEventArgument{Host: from.host.Reference(), EntityEventArgument: types.EntityEventArgument{Name: from.name}},
	}
	if _, err := methods.PostEvent(ctx, c, &types.PostEvent{This: *c.ServiceContent.EventManager, EventToPost: ha}); err != nil {
		return out, err
	}
	ha.CreatedTime = now.Add(-24 * time.Hour)
	out.HaRestartVm, out.HaRestartFrom, out.HaRestartTo = g.Name, from.name, to.name

	// Hosts: one problem each, on connected hosts from the end of the list.
	hp := func(i int) (hostPlace, *simulator.HostSystem) {
		p := connected[len(connected)-1-i]
		return p, hostObj(p)
	}
	p, h := hp(0)
	services := []types.HostService{}
	if h.Config.Service != nil {
		services = append(services, h.Config.Service.Service...)
	}
	services = append(services, types.HostService{Key: "TSM-SSH", Label: "SSH", Running: true, Policy: "on"})
	h.Config.Service = &types.HostServiceInfo{Service: services}
	out.SshHost = p.name
	h.Summary.RebootRequired = true
	out.RebootHost = p.name

	p, h = hp(1)
	cert, err := hostCert(p.name, 20)
	if err != nil {
		return out, err
	}
	h.Config.Certificate = cert
	out.CertHost, out.CertDaysLeft = p.name, 20
	h.Runtime.HealthSystemRuntime.SystemHealthInfo.NumericSensorInfo = []types.HostNumericSensorInfo{
		sensor("System Board 1 Ambient Temp", "temperature", 2400, -2, "Degrees C", "green"),
		sensor("Fan 3 Speed", "fan", 1200, 0, "RPM", "yellow"),
		sensor("CPU 1 Temp", "temperature", 9550, -2, "Degrees C", "red"),
	}
	out.SensorHost = p.name
	out.Sensors = []seedSensor{{"Fan 3 Speed", "fan", 1200, "RPM", "yellow"}, {"CPU 1 Temp", "temperature", 95.5, "Degrees C", "red"}}

	out.DeadPathHost = p.name
	out.DeadPath = "vmhba2:C0:T1:L7"
	if h.Config.StorageDevice == nil {
		h.Config.StorageDevice = &types.HostStorageDeviceInfo{}
	}
	mp := h.Config.StorageDevice.MultipathInfo
	if mp == nil {
		mp = &types.HostMultipathInfo{}
	}
	lun := types.HostMultipathInfoLogicalUnit{Key: "lab-lun-7", Id: "naa.600lab0007", Lun: "lab-lun-7", Path: []types.HostMultipathInfoPath{
		{Key: "lab-path-1", Name: "vmhba2:C0:T0:L7", PathState: "active", State: "active", Adapter: "vmhba2", Lun: "lab-lun-7"},
		{Key: "lab-path-2", Name: out.DeadPath, PathState: "dead", State: "dead", Adapter: "vmhba2", Lun: "lab-lun-7"},
	}}
	copyMp := *mp
	copyMp.Lun = append(append([]types.HostMultipathInfoLogicalUnit(nil), mp.Lun...), lun)
	h.Config.StorageDevice.MultipathInfo = &copyMp
	issue := &types.GeneralHostWarningEvent{GeneralEvent: types.GeneralEvent{Event: types.Event{
		CreatedTime:          now.Add(-2 * time.Hour),
		FullFormattedMessage: "Host " + p.name + " currently has no management network redundancy",
	}, Message: "no management network redundancy"}}
	h.ConfigIssue = append(h.ConfigIssue, issue)
	out.ConfigIssueHost, out.ConfigIssue = p.name, issue.FullFormattedMessage

	// Overcommit: the host's memory is set under what its powered-on VMs are given.
	p, h = hp(0)
	var vmMB int64
	for _, vm := range vms {
		g := vmObj(vm)
		if g.Runtime.Host != nil && *g.Runtime.Host == p.host.Reference() && g.Runtime.PowerState == types.VirtualMachinePowerStatePoweredOn {
			vmMB += int64(g.Summary.Config.MemorySizeMB)
		}
	}
	if vmMB == 0 {
		return out, fmt.Errorf("-wave2: host %s runs no VM to overcommit", p.name)
	}
	hw := *h.Summary.Hardware
	hw.MemorySize = vmMB << 20 / 2
	h.Summary.Hardware = &hw
	out.OvercommitHost = p.name

	// Network: promiscuous mode on one host's first port group; forged transmits on the first distributed one.
	p, h = hp(0)
	if h.Config.Network != nil && len(h.Config.Network.Portgroup) > 0 {
		pg := &h.Config.Network.Portgroup[0]
		pg.Spec.Policy.Security = &types.HostNetworkSecurityPolicy{AllowPromiscuous: types.NewBool(true), MacChanges: types.NewBool(false), ForgedTransmits: types.NewBool(false)}
		pg.ComputedPolicy.Security = pg.Spec.Policy.Security
		out.PromiscuousHost, out.PromiscuousPg = p.name, pg.Spec.Name
	}
	dvpgs := sortedEntities("DistributedVirtualPortgroup")
	for _, e := range dvpgs {
		pg := e.(*simulator.DistributedVirtualPortgroup)
		setting, ok := pg.Config.DefaultPortConfig.(*types.VMwareDVSPortSetting)
		if !ok || setting == nil {
			setting = &types.VMwareDVSPortSetting{}
			pg.Config.DefaultPortConfig = setting
		}
		forged := out.ForgedDvpg == "" && !isUplink(pg)
		setting.SecurityPolicy = &types.DVSSecurityPolicy{
			AllowPromiscuous: &types.BoolPolicy{Value: types.NewBool(false)},
			MacChanges:       &types.BoolPolicy{Value: types.NewBool(false)},
			ForgedTransmits:  &types.BoolPolicy{Value: types.NewBool(forged)},
		}
		if forged {
			out.ForgedDvpg = pg.Name
		}
	}

	// Datastores: the last one over-provisioned (uncommitted twice its capacity); the second-to-last missing
	// on the first host of the first cluster.
	dss := sortedEntities("Datastore")
	if len(dss) >= 2 {
		ds := dss[len(dss)-1].(*simulator.Datastore)
		ds.Summary.Uncommitted = ds.Summary.Capacity * 2
		out.OverallocatedDs = ds.Name
	}
	if len(dss) >= 3 && len(clusters) > 0 {
		cl := clusters[0].(*simulator.ClusterComputeResource)
		ds := dss[len(dss)-2].(*simulator.Datastore)
		if len(cl.Host) >= 3 {
			gone := cl.Host[0]
			var mounts []types.DatastoreHostMount
			for _, m := range ds.Host {
				if m.Key != gone {
					mounts = append(mounts, m)
				}
			}
			ds.Host = mounts
			h := simulator.Map.Get(gone).(*simulator.HostSystem)
			var kept []types.ManagedObjectReference
			for _, r := range h.Datastore {
				if r != ds.Self {
					kept = append(kept, r)
				}
			}
			h.Datastore = kept
			out.PartialDs, out.PartialDsMissing = ds.Name, h.Name
		}
	}

	// Licences: one expiring in 10 days, one used over its capacity.
	lm := simulator.Map.Get(*c.ServiceContent.LicenseManager).(*simulator.LicenseManager)
	lm.Licenses = append(lm.Licenses,
		types.LicenseManagerLicenseInfo{
			LicenseKey: "AAAAA-11111-22222-33333-BBBBB", EditionKey: "esx.enterprisePlus.cpuPackage", Name: "vSphere 8 Enterprise Plus",
			Total: 16, Used: 8, CostUnit: "cpuPackage",
			Properties: []types.KeyAnyValue{{Key: "expirationDate", Value: now.Add(10*24*time.Hour + time.Hour).UTC()}},
		},
		types.LicenseManagerLicenseInfo{
			LicenseKey: "CCCCC-44444-55555-66666-DDDDD", EditionKey: "vc.standard.instance", Name: "vCenter Server 8 Standard",
			Total: 1, Used: 2, CostUnit: "server",
		},
	)
	out.ExpiringLicense, out.OverusedLicense = "vSphere 8 Enterprise Plus", "vCenter Server 8 Standard"

	// Alarms on other kinds of entity: a VM (yellow), a datastore (red, acknowledged), the datacenter (red).
	vmAlarm := newAlarm("Virtual machine memory usage")
	dsAlarm := newAlarm("Datastore usage on disk")
	dcAlarm := newAlarm("License inventory monitoring")
	if g, _, err = take(); err != nil {
		return out, err
	}
	raise(&g.ManagedEntity, vmAlarm, types.ManagedEntityStatusYellow)
	out.Alarms = append(out.Alarms, seedAlarm{g.Name, "Virtual machine memory usage", "yellow", false})
	if len(dss) > 0 {
		ds := dss[0].(*simulator.Datastore)
		raise(&ds.ManagedEntity, dsAlarm, types.ManagedEntityStatusRed)
		ds.TriggeredAlarmState[len(ds.TriggeredAlarmState)-1].Acknowledged = types.NewBool(true)
		out.Alarms = append(out.Alarms, seedAlarm{ds.Name, "Datastore usage on disk", "red", true})
	}
	if dcs := sortedEntities("Datacenter"); len(dcs) > 0 {
		dc := dcs[0].(*simulator.Datacenter)
		raise(&dc.ManagedEntity, dcAlarm, types.ManagedEntityStatusRed)
		out.Alarms = append(out.Alarms, seedAlarm{dc.Name, "License inventory monitoring", "red", false})
	}
	sort.Slice(out.Alarms, func(i, j int) bool { return out.Alarms[i].Entity < out.Alarms[j].Entity })
	return out, nil
}

func isUplink(pg *simulator.DistributedVirtualPortgroup) bool {
	return pg.Config.Uplink != nil && *pg.Config.Uplink
}
