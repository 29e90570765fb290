import { Anchor, Group, Text } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import type { EventRecord } from '../../../shared/contract/events';
import { SEVERITY_COLOR } from '../components/state-colors';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLocale } from '../i18n/use-label';
import { useMessageOr } from '../i18n/use-message';
import { href } from '../routing/route';

export const EventLine = memo(function EventLine({
  event,
  compact = false,
}: {
  event: EventRecord;
  compact?: boolean;
}): ReactNode {
  const locale = useLocale();
  const text = useMessageOr();
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" data-severity={event.severity} data-kind={event.kind}>
      <span
        aria-hidden
        style={{
          flex: 'none',
          marginTop: 6,
          width: 8,
          height: 8,
          borderRadius: 8,
          background: `var(--mantine-color-${SEVERITY_COLOR[event.severity]}-6)`,
        }}
      />
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {/* Always the date: a list of events spans days, and a bare time is ambiguous. */}
          {formatDateTime(event.at, locale)}
          {event.deviceId && event.deviceName && (
            <>
              {' · '}
              <Anchor href={href({ page: 'device', id: event.deviceId })} size="xs">
                {event.deviceName}
              </Anchor>
            </>
          )}
        </Text>
        <Text size={compact ? 'sm' : 'md'} style={{ overflowWrap: 'anywhere' }}>
          {/* Recorded as a code: shown in the reader's language; older events keep their English text. */}
          {text(event.text, event.message)}
        </Text>
      </div>
    </Group>
  );
});
