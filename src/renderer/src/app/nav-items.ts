import {
  IconAdjustmentsAlt,
  IconBell,
  IconCalendarPause,
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
  { page: 'rules', route: { page: 'rules', family: null, deviceId: null }, icon: IconAdjustmentsAlt },
  { page: 'maintenance', route: { page: 'maintenance' }, icon: IconCalendarPause },
  { page: 'events', route: { page: 'events', deviceId: null }, icon: IconList },
  { page: 'reports', route: { page: 'reports' }, icon: IconReport },
  { page: 'settings', route: { page: 'settings' }, icon: IconSettings },
] as const satisfies readonly { page: string; route: Route; icon: unknown }[];
