import { Button, Checkbox, Group, Pagination, Popover, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconColumns, IconSearch, IconSelector } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSpec, TableSection } from '../../../../shared/families/descriptor';
import { StateBadge } from '../../components/state-badge';
import { isState } from '../../components/state-colors';
import { useLabel, useLocale } from '../../i18n/use-label';
import { formatCell } from './format-cell';
import { filterBySearch, searchTexts, sortRows, withoutEmpty, type Cell, type Row } from './table-rows';
import classes from './sections.module.css';

const PAGE_SIZE = 50;
const ROW_CLASS = {
  warning: classes.rowWarning,
  critical: classes.rowCritical,
  unknown: classes.rowUnknown,
  ok: undefined,
};

/** Wide tables start without their secondary columns; the Columns menu brings any of them back. */
const WIDE = 8;

function isNumeric(c: ColumnSpec): boolean {
  return c.unit !== undefined || c.format === 'number' || c.format === 'duration';
}

export function TableView({
  section,
  rows: given,
  title,
}: {
  section: TableSection;
  rows: readonly Row[];
  title: string;
}): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const { rows, columns: present } = useMemo(() => withoutEmpty(given, section.columns), [given, section.columns]);
  const [sort, setSort] = useState<{ key: string; desc: boolean } | null>(
    section.sortBy ? { key: section.sortBy, desc: section.sortDesc ?? false } : null,
  );
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const all = section.columns;
  const wide = all.length > WIDE;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(
    () => new Set(all.filter((c) => !(wide && c.secondary)).map((c) => c.key)),
  );
  // The first column names the row: always shown, and it stays in view when the table scrolls sideways.
  const columns = useMemo(() => present.filter((c, i) => i === 0 || chosen.has(c.key)), [present, chosen]);
  const toggleColumn = (key: string): void =>
    setChosen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const showFilter = section.filterable === true || rows.length > 20;

  // A 5,000-VM table: sorting happens on a click only, the search texts are built once the box is first used
  // (not for a table nobody filters) and each keystroke is a substring test per row; the box stays responsive
  // while the rows follow.
  const filtering = useDeferredValue(query);
  const [searched, setSearched] = useState(false);
  const texts = useMemo(() => {
    if (!searched) return null;
    const display = (v: Cell | undefined, c: ColumnSpec): string => formatCell(v, c, locale, t);
    return searchTexts(rows, columns, display);
  }, [rows, columns, locale, t, searched]);
  const sorted = useMemo(() => (sort ? sortRows(rows, sort.key, sort.desc, columns) : rows), [rows, sort, columns]);
  const shown = useMemo(() => (texts ? filterBySearch(sorted, texts, filtering) : sorted), [sorted, texts, filtering]);

  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const slice = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);

  const toggleSort = (key: string): void => {
    setSort((s) => (s?.key === key ? { key, desc: !s.desc } : { key, desc: false }));
    setPage(1);
  };

  const chooser = wide && (
    <Popover position="bottom-end" shadow="md">
      <Popover.Target>
        <Button size="compact-xs" variant="default" leftSection={<IconColumns size={14} />}>
          {t('table.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label={t('table.columnsOf', { table: title })}>
          {all.slice(1).map((c) => (
            <Checkbox
              key={c.key}
              size="xs"
              label={pick(c.label)}
              checked={chosen.has(c.key)}
              onChange={() => toggleColumn(c.key)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <div>
      {!showFilter && chooser && (
        <Group justify="flex-end" mb="xs">
          {chooser}
        </Group>
      )}
      {showFilter && (
        <Group justify="space-between" mb="xs">
          <TextInput
            aria-label={t('table.filterLabel', { table: title })}
            placeholder={t('table.filter')}
            leftSection={<IconSearch size={14} />}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setSearched(true);
              setPage(1);
            }}
            size="xs"
            w={260}
          />
          <Group gap="sm">
            <Text size="xs" c="dimmed">
              {t('table.rows', { shown: shown.length, total: rows.length })}
            </Text>
            {chooser}
          </Group>
        </Group>
      )}
      <Table.ScrollContainer minWidth={500}>
        <Table
          striped={false}
          highlightOnHover
          withTableBorder
          verticalSpacing={4}
          fz="sm"
          aria-label={title}
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => {
                const active = sort?.key === c.key;
                const Icon = !active ? IconSelector : sort.desc ? IconChevronDown : IconChevronUp;
                return (
                  <Table.Th
                    key={c.key}
                    className={[
                      classes.th,
                      i === 0 ? classes.sticky : '',
                      c.secondary && !wide ? classes.secondary : '',
                      isNumeric(c) ? classes.numeric : '',
                    ].join(' ')}
                    aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button type="button" className={classes.sortButton} onClick={() => toggleSort(c.key)}>
                      {pick(c.label)}
                      <Icon size={14} aria-hidden />
                    </button>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {slice.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text size="sm" c="dimmed">
                    {rows.length === 0 ? t('table.empty') : t('table.noMatch')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {slice.map((row, i) => {
              const st = section.stateColumn ? row[section.stateColumn] : undefined;
              return (
                <Table.Tr
                  key={i}
                  className={isState(st) ? ROW_CLASS[st] : undefined}
                  data-state={isState(st) ? st : undefined}
                >
                  {columns.map((c, ci) => {
                    const v = row[c.key];
                    const text = formatCell(v, c, locale, t);
                    const cls = [
                      classes.cell,
                      ci === 0 ? classes.sticky : '',
                      c.secondary && !wide ? classes.secondary : '',
                      isNumeric(c) ? classes.numeric : '',
                      text.length <= 24 ? classes.short : '',
                    ];
                    return (
                      <Table.Td key={c.key} className={cls.join(' ')}>
                        {c.format === 'state' && isState(v) ? <StateBadge state={v} size="xs" /> : text}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="flex-end" mt="xs">
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            size="sm"
            aria-label={t('table.pages')}
          />
        </Group>
      )}
    </div>
  );
}
