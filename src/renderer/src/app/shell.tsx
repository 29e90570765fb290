import { AppShell, Burger, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEye } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { href, type Route } from '../routing/route';
import { ConsoleUptime } from './console-uptime';
import { HeaderControls } from './header-controls';
import { NAV_ITEMS } from './nav-items';
import { NoticesBanner } from './notices-banner';
import { useSettings } from './settings-context';
import { WorstState } from './worst-state';
import classes from './shell.module.css';

function activePage(route: Route): string {
  return route.page === 'device' ? 'devices' : route.page;
}

export function Shell({ route, children }: { route: Route; children: ReactNode }): ReactNode {
  const { t } = useTranslation();
  const { info } = useSettings();
  const [opened, { toggle, close }] = useDisclosure();
  const active = activePage(route);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <a
          href="#main"
          className={classes.skip}
          onClick={(e) => {
            e.preventDefault();
            document.getElementById('main')?.focus();
          }}
        >
          {t('nav.skip')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <a
              href={href({ page: 'dashboard' })}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 6,
                color: 'inherit',
                textDecoration: 'none',
              }}
            >
              <IconEye size={22} />
              <Text fw={700} size="lg">
                Vigie
              </Text>
            </a>
            <WorstState />
            {info && <ConsoleUptime startedAt={info.startedAt} />}
          </Group>
          <HeaderControls />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <ScrollArea>
          {NAV_ITEMS.map((n) => (
            <NavLink
              key={n.page}
              href={href(n.route)}
              label={t(`nav.${n.page}`)}
              leftSection={<n.icon size={18} />}
              active={active === n.page}
              aria-current={active === n.page ? 'page' : undefined}
              onClick={close}
            />
          ))}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <NoticesBanner />
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
