import { Group, Title } from '@mantine/core';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceTile } from './device-tile';
import classes from './device-tile.module.css';
import { VirtualTileGrid } from './virtual-tile-grid';

export const GroupSection = memo(function GroupSection({
  group,
  ids,
  virtual,
}: {
  group: string;
  ids: string[];
  /** Large dashboards mount only the rows near the window (virtual-tile-grid.tsx). */
  virtual: boolean;
}): ReactNode {
  const { t } = useTranslation();
  const title = t(`group.${group}`, { defaultValue: group });
  return (
    <section aria-label={title} data-testid={`group-${group}`}>
      <Group gap="xs" mb={6} mt="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        <span style={{ color: 'var(--mantine-color-dimmed)' }}>({ids.length})</span>
      </Group>
      {virtual ? (
        <VirtualTileGrid ids={ids} />
      ) : (
        <div className={classes.grid}>
          {ids.map((id) => (
            <DeviceTile key={id} id={id} />
          ))}
        </div>
      )}
    </section>
  );
});
