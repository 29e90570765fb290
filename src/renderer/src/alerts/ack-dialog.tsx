import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActiveProblem } from '../../../shared/contract/alerting';

export type AckMode = 'until-recovery' | 'until-worse';

/** Acknowledge one problem: a comment is required (who acknowledged and why is what the next reader needs). */
export function AckDialog({
  problem,
  title,
  onClose,
  onSubmit,
}: {
  problem: ActiveProblem | null;
  title: string;
  onClose: () => void;
  onSubmit: (comment: string, mode: AckMode) => Promise<void>;
}): ReactNode {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [mode, setMode] = useState<AckMode>('until-recovery');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (): Promise<void> => {
    if (!comment.trim()) {
      setError(t('alerts.commentRequired'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(comment.trim(), mode);
      setComment('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={problem !== null} onClose={onClose} title={t('alerts.ackTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        <Textarea
          label={t('alerts.comment')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
        />
        <Radio.Group label={t('alerts.ackMode')} value={mode} onChange={(v) => setMode(v === 'until-worse' ? v : 'until-recovery')}>
          <Stack gap={6} mt={4}>
            <Radio value="until-recovery" label={t('alerts.untilRecovery')} />
            <Radio value="until-worse" label={t('alerts.untilWorse')} />
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            {t('alerts.acknowledge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
