import { Checkbox, Group, SegmentedControl, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { Cron } from 'croner';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportMail, ReportSchedule } from '../../../shared/contract/report-schedule';
import { formatDateTime } from '../../../shared/format/format-time';
import { useLocale } from '../i18n/use-label';

export interface ScheduleValue {
  schedule?: ReportSchedule;
  mail?: ReportMail;
}

const DEFAULT_MAIL: ReportMail = {
  to: [],
  cc: [],
  pdf: false,
  skipWhenClean: false,
  snapshotOwners: { enabled: false, addresses: {}, domain: null },
};

/**
 * The user's zone, saved with the schedule: "06:30" means 06:30 where the user is, even when `serve` runs
 * on a server in UTC (found by the e2e test: the core otherwise used the server's zone).
 */
function localZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}

/** The next run as the core will compute it (croner, same pattern), or why there is none. */
function preview(schedule: ReportSchedule): { at: number | null; error: string | null } {
  const pattern = schedule.kind === 'cron' ? schedule.expression : (() => {
    const [h, m] = schedule.time.split(':');
    return `${Number(m)} ${Number(h)} * * *`;
  })();
  try {
    const job = new Cron(pattern, { timezone: schedule.timezone, paused: true });
    const at = job.nextRun()?.getTime() ?? null;
    job.stop();
    return { at, error: null };
  } catch (e) {
    return { at: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The schedule and mail part of a report profile (issue 13): when it runs by itself (a daily time or a cron
 * expression, with the next run shown) and whom its report is mailed to.
 */
export function ScheduleFields({ value, onChange }: { value: ScheduleValue; onChange: (v: ScheduleValue) => void }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const schedule = value.schedule;
  const mail = value.mail ?? DEFAULT_MAIL;
  const kind = schedule?.kind ?? 'off';
  const next = schedule ? preview(schedule) : null;
  const setMail = (m: Partial<ReportMail>): void => {
    const merged = { ...mail, ...m };
    onChange({ ...value, mail: merged.to.length ? merged : undefined });
  };

  return (
    <Stack gap="xs" data-testid="schedule-fields">
      <Title order={3} size="h6">
        {t('schedule.title')}
      </Title>
      <div>
        <Text size="sm" fw={500} mb={4} id="schedule-kind-label">
          {t('schedule.when')}
        </Text>
        <SegmentedControl
          aria-labelledby="schedule-kind-label"
          value={kind}
          onChange={(v) =>
            onChange({
              ...value,
              schedule:
                v === 'daily'
                  ? { kind: 'daily', time: '06:00', timezone: schedule?.timezone ?? localZone() }
                  : v === 'cron'
                    ? { kind: 'cron', expression: '0 6 * * 1-5', timezone: schedule?.timezone ?? localZone() }
                    : undefined,
            })
          }
          data={[
            { value: 'off', label: t('schedule.off') },
            { value: 'daily', label: t('schedule.daily') },
            { value: 'cron', label: t('schedule.cron') },
          ]}
        />
      </div>
      {schedule?.kind === 'daily' && (
        <TextInput
          label={t('schedule.time')}
          type="time"
          value={schedule.time}
          onChange={(e) => onChange({ ...value, schedule: { ...schedule, time: e.currentTarget.value || '06:00' } })}
          w={160}
        />
      )}
      {schedule?.kind === 'cron' && (
        <TextInput
          label={t('schedule.expression')}
          description={t('schedule.expressionHelp')}
          value={schedule.expression}
          onChange={(e) => onChange({ ...value, schedule: { ...schedule, expression: e.currentTarget.value } })}
          error={next?.error ?? undefined}
          w={320}
        />
      )}
      {next && !next.error && (
        <Text size="sm" data-testid="schedule-next">
          {next.at === null ? t('schedule.never') : t('schedule.next', { when: formatDateTime(next.at, locale) })}
          {schedule?.timezone ? ` (${schedule.timezone})` : ''}
        </Text>
      )}
      <TagsInput
        label={t('schedule.to')}
        description={t('schedule.toHelp')}
        value={mail.to}
        onChange={(to) => setMail({ to: to.map((a) => a.replace(/[,;\s]+/g, '')).filter(Boolean) })}
        splitChars={[',', ' ', ';']}
        clearable
      />
      {mail.to.length > 0 && (
        <>
          <TagsInput label={t('schedule.cc')} value={mail.cc} onChange={(cc) => setMail({ cc })} splitChars={[',', ' ', ';']} clearable />
          <Group>
            <Checkbox label={t('schedule.pdf')} checked={mail.pdf} onChange={(e) => setMail({ pdf: e.currentTarget.checked })} />
            <Checkbox label={t('schedule.skipClean')} checked={mail.skipWhenClean} onChange={(e) => setMail({ skipWhenClean: e.currentTarget.checked })} />
            <Checkbox
              label={t('schedule.owners')}
              checked={mail.snapshotOwners.enabled}
              onChange={(e) => setMail({ snapshotOwners: { ...mail.snapshotOwners, enabled: e.currentTarget.checked } })}
            />
          </Group>
          {mail.snapshotOwners.enabled && (
            <TextInput
              label={t('schedule.ownersDomain')}
              description={t('schedule.ownersDomainHelp')}
              value={mail.snapshotOwners.domain ?? ''}
              onChange={(e) => setMail({ snapshotOwners: { ...mail.snapshotOwners, domain: e.currentTarget.value.trim() || null } })}
              w={320}
            />
          )}
        </>
      )}
    </Stack>
  );
}
