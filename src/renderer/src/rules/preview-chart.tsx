import { Group, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulePreview } from '../../../shared/contract/alerting';
import { formatDateTime, formatTick } from '../../../shared/format/format-time';
import { STATE_COLOR } from '../components/state-colors';
import { useLocale } from '../i18n/use-label';
import { timelineRows, totalFirings } from './preview-timeline';

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** When the edited rule would have fired over the stored range: one compact bar per instance. */
export function PreviewChart({ preview, busy }: { preview: RulePreview | null; busy: boolean }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!preview) return <Text size="sm" c="dimmed">{busy ? t('common.loading') : t('rules.noPreview')}</Text>;
  const rows = timelineRows(preview);
  const span = preview.to - preview.from;
  const total = totalFirings(preview);
  return (
    <Stack gap={4} data-testid="preview" data-firings={total} data-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
      <Text size="sm" fw={600} data-testid="preview-summary">
        {rows.length === 0
          ? t('rules.previewNoSeries')
          : t('rules.previewSummary', { count: total, hours: Math.round(span / 3_600_000) })}
      </Text>
      {rows.map((r) => (
        <Group key={r.instance} gap="xs" wrap="nowrap" data-testid="preview-row" data-instance={r.instance} data-firings={r.firings}>
          <Text size="xs" w={140} style={{ flex: 'none', overflowWrap: 'anywhere' }} title={r.instance}>
            {r.instance || t('rules.noInstance')}
          </Text>
          <div
            role="img"
            aria-label={t('rules.previewRow', { instance: r.instance || t('rules.noInstance'), count: r.firings })}
            style={{ position: 'relative', flex: 1, height: 14, borderRadius: 3, overflow: 'hidden', background: 'var(--mantine-color-default-border)' }}
          >
            {r.segments.map((s) => (
              <Tooltip
                key={s.from}
                label={`${t(`state.${s.state}`)}: ${formatDateTime(s.from, locale)} → ${formatDateTime(s.to, locale)}`}
              >
                <div
                  data-state={s.state}
                  style={{
                    position: 'absolute',
                    left: `${s.start * 100}%`,
                    width: `max(1px, ${(s.end - s.start) * 100}%)`,
                    top: 0,
                    bottom: 0,
                    background: `var(--mantine-color-${STATE_COLOR[s.state]}-${s.state === 'ok' ? 3 : 6})`,
                  }}
                />
              </Tooltip>
            ))}
          </div>
          <Text size="xs" w={70} ta="right" style={{ flex: 'none' }}>
            {t('rules.firings', { count: r.firings })}
          </Text>
        </Group>
      ))}
      {rows.length > 0 && (
        <Group gap="xs" wrap="nowrap">
          <div style={{ width: 140, flex: 'none' }} />
          <div style={{ position: 'relative', flex: 1, height: 16 }}>
            {TICKS.map((f) => (
              <Text
                key={f}
                size="xs"
                c="dimmed"
                style={{
                  position: 'absolute',
                  left: `${f * 100}%`,
                  transform: f === 0 ? 'none' : f === 1 ? 'translateX(-100%)' : 'translateX(-50%)',
                  whiteSpace: 'nowrap',
                }}
              >
                {formatTick(preview.from + span * f, span, locale)}
              </Text>
            ))}
          </div>
          <div style={{ width: 70, flex: 'none' }} />
        </Group>
      )}
    </Stack>
  );
}
