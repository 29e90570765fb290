import { lazy } from 'react';

/**
 * Every page but the dashboard, each fetched the first time it is opened: the dashboard is what a console
 * shows all day, so its first load carries only the shell and the tiles; charts (uPlot), forms and editors
 * arrive with their page. The dashboard itself stays a static import in app.tsx.
 * bundle-split.test.ts fails if a page's heavy module reaches the first load again.
 */
export const DevicesPage = lazy(() => import('../devices/devices-page').then((m) => ({ default: m.DevicesPage })));
export const DevicePage = lazy(() => import('../device/device-page').then((m) => ({ default: m.DevicePage })));
export const AlertsPage = lazy(() => import('../alerts/alerts-page').then((m) => ({ default: m.AlertsPage })));
export const RulesPage = lazy(() => import('../rules/rules-page').then((m) => ({ default: m.RulesPage })));
export const MaintenancePage = lazy(() =>
  import('../maintenance/maintenance-page').then((m) => ({ default: m.MaintenancePage })),
);
export const EventsPage = lazy(() => import('../events/events-page').then((m) => ({ default: m.EventsPage })));
export const ReportsPage = lazy(() => import('../reports/reports-page').then((m) => ({ default: m.ReportsPage })));
export const SettingsPage = lazy(() => import('../settings/settings-page').then((m) => ({ default: m.SettingsPage })));
