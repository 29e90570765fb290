import { Badge, Group, NavLink, Paper, ScrollArea, SimpleGrid, Text, Title, useMatches } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportHistoryEntry } from '../../../shared/contract/report';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLocale } from '../i18n/use-label';

/** The kept reports, newest first; any of them reopens in the preview. */
export function HistoryList({
  entries,
  selected,
  onOpen,
}: {
  entries: readonly ReportHistoryEntry[] | null;
  selected: string | null;
  onOpen: (id: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const nf = new Intl.NumberFormat(locale);
  // Beside the preview on wide screens (a tall column); above it otherwise, in columns and kept short so the
  // preview stays near the top.
  const maxHeight = useMatches({ base: 240, xl: 640 });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-history-title" h="100%">
      <Title order={2} size="h5" mb="sm" id="report-history-title">
        {t('reports.history.title')}
      </Title>
      {entries === null ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="history-empty">
          {t('reports.history.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={maxHeight} type="auto">
          <SimpleGrid
            cols={{ base: 1, sm: 2, md: 3, xl: 1 }}
            spacing={4}
            verticalSpacing={2}
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-labelledby="report-history-title"
          >
            {entries.map((e) => {
              const when = formatDateTime(Date.parse(e.generatedAt), locale);
              return (
                <li key={e.id}>
                  <NavLink
                    component="button"
                    type="button"
                    active={e.id === selected}
                    aria-current={e.id === selected ? 'true' : undefined}
                    onClick={() => onOpen(e.id)}
                    label={when}
                    description={
                      <Group gap={4} component="span" wrap="wrap">
                        <Text span size="xs" c="dimmed" truncate maw={140}>
                          {e.profile}
                        </Text>
                        {e.findings.critical > 0 && (
                          <Badge size="xs" color="red" variant="light">
                            {t('reports.history.critical', { count: e.findings.critical, n: nf.format(e.findings.critical) })}
                          </Badge>
                        )}
                        {e.findings.warning > 0 && (
                          <Badge size="xs" color="yellow" variant="light">
                            {t('reports.history.warning', { count: e.findings.warning, n: nf.format(e.findings.warning) })}
                          </Badge>
                        )}
                        {e.findings.critical + e.findings.warning === 0 && (
                          <Badge size="xs" color="teal" variant="light">
                            {t('reports.history.clean')}
                          </Badge>
                        )}
                        {e.checksFailed > 0 && (
                          <Badge size="xs" color="gray" variant="light">
                            {t('reports.history.failed', { count: e.checksFailed, n: nf.format(e.checksFailed) })}
                          </Badge>
                        )}
                      </Group>
                    }
                  />
                </li>
              );
            })}
          </SimpleGrid>
        </ScrollArea.Autosize>
      )}
    </Paper>
  );
}
