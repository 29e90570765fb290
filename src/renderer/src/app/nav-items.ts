import {
  IconBell,
  IconLayoutDashboard,
  IconList,
  IconReport,
  IconServer2,
  IconSettings,
} from '@tabler/icons-react';
import type { Route } from '../routing/route';

export const NAV_ITEMS = [
  { page: 'dashboard', route: { page: 'dashboard' }, icon: IconLayoutDashboard },
  { page: 'devices', route: { page: 'devices', add: false }, icon: IconServer2 },
  { page: 'alerts', route: { page: 'alerts' }, icon: IconBell },
  { page: 'events', route: { page: 'events', deviceId: null }, icon: IconList },
  { page: 'reports', route: { page: 'reports' }, icon: IconReport },
  { page: 'settings', route: { page: 'settings' }, icon: IconSettings },
] as const satisfies readonly { page: string; route: Route; icon: unknown }[];
