import { Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRecord, Severity } from '../../../shared/contract/events';
import { useApi, useDevices } from '../api/api-context';
import { navigate } from '../routing/route';
import { EventLine } from './event-line';
import { eventsQuery, matchesFilter, type EventFilter, type EventKind } from './event-filter';
import { fromLocalInput } from '../maintenance/maintenance-form';

const PAGE = 100;
// Listed here rather than read from the zod schema, which would pull zod into the renderer bundle.
const SEVERITIES: Severity[] = ['critical', 'unknown', 'warning', 'ok', 'info'];
const KINDS: EventKind[] = ['state', 'device', 'system', 'trap', 'audit'];

export function EventsPage({ deviceId }: { deviceId: string | null }): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  const devices = useDevices();
  const [severity, setSeverity] = useState<Severity[]>([]);
  const [kind, setKind] = useState<EventKind[]>([]);
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, 300);
  // Date range from datetime-local inputs: the start minute and the whole end minute are included.
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const from = fromLocalInput(fromText);
  const toStart = fromLocalInput(toText);
  const to = toStart === null ? null : toStart + 59_999;
  const filter = useMemo<EventFilter>(
    () => ({ severity, deviceId, text: debounced, kind, from, to }),
    [severity, deviceId, debounced, kind, from, to],
  );
  const filterKey = JSON.stringify(filter);
  // The list belongs to the filter it was loaded for: a new filter shows "loading" until its answer lands.
  const [list, setList] = useState<{
    key: string;
    events: EventRecord[];
    more: boolean;
    error: string | null;
  }>({
    key: '',
    events: [],
    more: false,
    error: null,
  });
  const [older, setOlder] = useState(false);
  const loading = list.key !== filterKey || older;
  const events = list.key === filterKey ? list.events : [];

  useEffect(() => {
    let stale = false;
    client.call('events:list', eventsQuery(filter, null, PAGE)).then(
      (found) => {
        if (!stale) setList({ key: filterKey, events: found, more: found.length === PAGE, error: null });
      },
      (e: unknown) => {
        if (!stale)
          setList({
            key: filterKey,
            events: [],
            more: false,
            error: e instanceof Error ? e.message : String(e),
          });
      },
    );
    const off = client.on('events:appended', (e) => {
      if (!matchesFilter(e, filter)) return;
      setList((l) =>
        l.key !== filterKey || l.events.some((x) => x.id === e.id) ? l : { ...l, events: [e, ...l.events] },
      );
    });
    return () => {
      stale = true;
      off();
    };
  }, [client, filter, filterKey]);

  const loadOlder = async (): Promise<void> => {
    const oldest = events.at(-1);
    if (!oldest) return;
    setOlder(true);
    try {
      const found = await client.call('events:list', eventsQuery(filter, oldest.id, PAGE));
      setList((l) =>
        l.key !== filterKey
          ? l
          : {
              ...l,
              events: [...l.events, ...found.filter((e) => !l.events.some((p) => p.id === e.id))],
              more: found.length === PAGE,
            },
      );
    } catch (e) {
      setList((l) => ({ ...l, error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setOlder(false);
    }
  };
  const { more, error } = list;

  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        {t('nav.events')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <MultiSelect
          label={t('events.severity')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={severity}
          onChange={(v) => setSeverity(v)}
          clearable
          w={300}
        />
        <Select
          label={t('events.device')}
          data={devices.map((d) => ({ value: d.id, label: d.name }))}
          value={deviceId}
          onChange={(id) => navigate({ page: 'events', deviceId: id })}
          searchable
          clearable
          placeholder={t('events.allDevices')}
          w={260}
        />
        <MultiSelect
          label={t('events.type')}
          data={KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(KINDS.filter((k) => v.includes(k)))}
          clearable
          w={260}
        />
        <TextInput
          type="datetime-local"
          label={t('events.from')}
          value={fromText}
          onChange={(e) => setFromText(e.currentTarget.value)}
          w={210}
        />
        <TextInput
          type="datetime-local"
          label={t('events.to')}
          value={toText}
          onChange={(e) => setToText(e.currentTarget.value)}
          w={210}
        />
        <TextInput
          label={t('events.text')}
          leftSection={<IconSearch size={14} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={260}
        />
      </Group>
      {error && <Text c="red">{error}</Text>}
      <Paper withBorder p="sm" radius="md">
        {events.length === 0 && !loading ? (
          <Text c="dimmed" size="sm">
            {t('events.none')}
          </Text>
        ) : (
          <Stack gap={8} data-testid="events-list">
            {events.map((e) => (
              <EventLine key={e.id} event={e} />
            ))}
          </Stack>
        )}
      </Paper>
      {more && (
        <Button
          variant="default"
          onClick={() => void loadOlder()}
          loading={loading}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('events.older')}
        </Button>
      )}
    </Stack>
  );
}
