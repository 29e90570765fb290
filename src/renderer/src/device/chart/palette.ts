/** Line colours, distinct on light and dark backgrounds; cycled when a chart has more series. */
const PALETTE = [
  '#228be6',
  '#fd7e14',
  '#40c057',
  '#fa5252',
  '#be4bdb',
  '#15aabf',
  '#fab005',
  '#e64980',
  '#82c91e',
  '#7950f2',
  '#868e96',
  '#12b886',
];

export function lineColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#228be6';
}

export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
