import { Alert, Anchor, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceDetail } from '../../../shared/contract/devices';
import { familyDescriptor } from '../../../shared/families/index';
import type { Section } from '../../../shared/families/descriptor';
import { seriesKey } from '../../../shared/series-key';
import { useLabel } from '../i18n/use-label';
import { href } from '../routing/route';
import { ChartView } from './chart/chart-view';
import type { RangeId } from './chart/range';
import { DeviceHeader } from './device-header';
import { genericSections } from './generic-sections';
import { sectionHasContent } from './section-content';
import { ProblemsAndChecks } from './problems-checks';
import { IdentityView } from './sections/identity-section';
import { StatsView } from './sections/stats-section';
import { TableView } from './sections/table-section';
import { UptimeSection } from './uptime-section';
import { useDeviceDetail } from './use-device-detail';

/**
 * A device's page, drawn entirely from its family descriptor (sections in order), the detail (snapshot,
 * checks, series list) and the metric store; a family added to src/shared/families needs nothing here.
 */
export function DevicePage({ id }: { id: string }): ReactNode {
  const { t } = useTranslation();
  const { detail, error } = useDeviceDetail(id);
  const [range, setRange] = useState<RangeId>('1h');

  if (error && !detail) {
    return (
      <Stack>
        <Alert color="red" title={error.code === 'not_found' ? t('device.notFound') : t('device.loadFailed')}>
          {error.message}
        </Alert>
        <Anchor href={href({ page: 'dashboard' })}>{t('nav.dashboard')}</Anchor>
      </Stack>
    );
  }
  if (!detail) return <Loader aria-label={t('common.loading')} />;

  const descriptor = familyDescriptor(detail.summary.family);
  const sections = descriptor?.sections ?? genericSections(detail);
  return (
    <Stack gap="md" data-testid="device-page" data-family={detail.summary.family}>
      <DeviceHeader detail={detail} />
      <ProblemsAndChecks detail={detail} />
      <UptimeSection uptime={detail.uptime} />
      {!detail.snapshot && <Text c="dimmed">{t('device.noSnapshot')}</Text>}
      {sections.map((s, i) => (
        <SectionView key={i} section={s} detail={detail} range={range} onRange={setRange} />
      ))}
    </Stack>
  );
}

function SectionView({
  section,
  detail,
  range,
  onRange,
}: {
  section: Section;
  detail: DeviceDetail;
  range: RangeId;
  onRange: (r: RangeId) => void;
}): ReactNode {
  const pick = useLabel();
  const { t } = useTranslation();
  const title = pick(section.title);
  const metrics = detail.snapshot?.metrics;
  const deviceId = detail.summary.id;
  const latest = useMemo(
    () => new Map((metrics ?? []).map((m) => [seriesKey(deviceId, m.name, m.instance), m.value])),
    [metrics, deviceId],
  );
  if (!sectionHasContent(section, detail.snapshot, detail.series, detail.summary.id)) return null;
  if (section.kind === 'chart') {
    return (
      <ChartView
        section={section}
        deviceId={detail.summary.id}
        series={detail.series}
        range={range}
        onRange={onRange}
        refreshKey={detail.summary.lastPollAt}
        latest={latest}
      />
    );
  }
  const snapshot = detail.snapshot;
  if (!snapshot) return null;
  let body: ReactNode;
  if (section.kind === 'identity') body = <IdentityView section={section} snapshot={snapshot} />;
  else if (section.kind === 'stats') body = <StatsView section={section} snapshot={snapshot} />;
  else {
    const rows = snapshot.tables[section.table];
    body = rows ? (
      <TableView section={section} rows={rows} title={title} />
    ) : (
      <Text size="sm" c="dimmed">
        {t('table.empty')}
      </Text>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={title} data-section={section.kind}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {body}
    </Paper>
  );
}
