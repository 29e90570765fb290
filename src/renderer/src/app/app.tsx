import { notifications } from '@mantine/notifications';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import { DashboardPage } from '../dashboard/dashboard-page';
import { useRoute, type Route } from '../routing/route';
import { useScrollReset } from '../routing/scroll-reset';
import { CommandPalette } from './command-palette';
import {
  AlertsPage,
  DevicePage,
  DevicesPage,
  EventsPage,
  MaintenancePage,
  ReportsPage,
  RulesPage,
  SettingsPage,
} from './lazy-pages';
import { PageBoundary } from './page-boundary';
import { showLiveNotification } from './live-notification';
import { SettingsProvider } from './settings-context';
import { Shell } from './shell';

function Page({ route }: { route: Route }): ReactNode {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'devices':
      return <DevicesPage add={route.add} edit={route.edit ?? null} />;
    case 'device':
      return <DevicePage key={route.id} id={route.id} />;
    case 'alerts':
      return <AlertsPage />;
    case 'rules':
      return <RulesPage key={`${route.family ?? ''}|${route.deviceId ?? ''}`} family={route.family} deviceId={route.deviceId} />;
    case 'maintenance':
      return <MaintenancePage />;
    case 'events':
      return <EventsPage deviceId={route.deviceId} />;
    case 'reports':
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/**
 * A fresh error boundary per page, so leaving a page that failed to load clears its message. Device pages
 * already remount per device; other pages keep their state across parameter changes, as before.
 */
function boundaryKey(route: Route): string {
  return route.page === 'device' ? `device/${route.id}` : route.page;
}

/** Starts the live feed (device and event updates, desktop-style notifications) for the app's lifetime. */
function LiveFeed(): null {
  const api = useApi();
  const { t } = useTranslation();
  useEffect(() => {
    let lastError = '';
    return api.start(
      (n) => showLiveNotification(n, t),
      (e) => {
        const message = e instanceof Error ? e.message : String(e);
        if (message === lastError) return;
        lastError = message;
        notifications.show({ color: 'red', title: t('app.loadFailed'), message });
      },
    );
  }, [api, t]);
  return null;
}

export function App(): ReactNode {
  const route = useRoute();
  useScrollReset(route);
  return (
    <SettingsProvider>
      <LiveFeed />
      <CommandPalette />
      <Shell route={route}>
        <PageBoundary key={boundaryKey(route)}>
          <Page route={route} />
        </PageBoundary>
      </Shell>
    </SettingsProvider>
  );
}
