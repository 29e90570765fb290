import type { DeviceSnapshot, SeriesInfo } from '../../../shared/contract/devices';
import type { Section } from '../../../shared/families/descriptor';
import { seriesKey } from '../../../shared/series-key';

const present = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/**
 * Whether a descriptor's section has anything to show for this device. A family describes everything its
 * devices may have; a given device often has less (a 7-mode filer has no cluster nodes, an agent without
 * the disk I/O table): such sections are left out instead of drawn empty ("No rows", "0 of 0").
 */
export function sectionHasContent(
  section: Section,
  snapshot: DeviceSnapshot | null,
  series: readonly SeriesInfo[],
  deviceId: string,
): boolean {
  switch (section.kind) {
    case 'chart': {
      const keys = new Set(series.map((s) => s.key));
      return section.series.some((spec) =>
        spec.instance === '*'
          ? series.some((s) => s.metric === spec.metric)
          : keys.has(seriesKey(deviceId, spec.metric, spec.instance ?? '')),
      );
    }
    case 'table':
      return (snapshot?.tables[section.table]?.length ?? 0) > 0;
    case 'identity':
      return section.fields.some((f) => present(snapshot?.identity[f.key]));
    case 'stats':
      return section.items.some((item) =>
        snapshot?.metrics.some((m) => m.name === item.metric && m.instance === (item.instance ?? '')),
      );
  }
}
