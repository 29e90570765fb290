import type { DeviceSnapshot, DeviceSummary } from '../../../shared/contract/devices';
import type { TileSpec } from '../../../shared/families/descriptor';

/** The one figure a tile shows, picked from the last snapshot as the family's descriptor says. */
export function keyFigure(tile: TileSpec | null, snapshot: DeviceSnapshot | null): DeviceSummary['keyFigure'] {
  if (!tile || !snapshot) return null;
  if (tile.source === 'identity') {
    const v = snapshot.identity[tile.key];
    if (v === undefined || v === null) return null;
    return typeof v === 'number' ? { value: v, text: null, unit: '' } : { value: null, text: String(v), unit: '' };
  }
  const candidates = snapshot.metrics.filter((m) => m.name === tile.metric && (tile.instance === undefined || tile.instance === m.instance));
  if (candidates.length === 0) return null;
  // Several instances (e.g. volumes): the tile shows the highest, the one an administrator worries about.
  const value = Math.max(...candidates.map((m) => m.value));
  return { value, text: null, unit: tile.unit };
}
