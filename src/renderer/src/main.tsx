import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { ApiProvider } from './api/api-context';
import type { HostWindow } from './api/pick-transport';
import { createVigieApi } from './api/vigie-api';
import { App } from './app/app';
import { resolveLang } from '../../shared/format/locale';
import { createI18n } from './i18n/i18n';

const theme = createTheme({ primaryColor: 'blue', defaultRadius: 'sm' });
const api = createVigieApi(window as unknown as HostWindow);
const i18n = createI18n(resolveLang('system', navigator.languages));

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="auto">
        {/* Bottom right: live alerts arrive at any moment and must not cover the page header's actions. */}
        <Notifications position="bottom-right" limit={5} />
        <ApiProvider api={api}>
          <App />
        </ApiProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
