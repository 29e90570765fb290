import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n/i18n';

/** jsdom lacks what Mantine measures with; these stand-ins do nothing, which is all a component test needs. */
function polyfill(): void {
  const w = window as unknown as Record<string, unknown>;
  w.matchMedia ??= (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  });
  w.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

export function renderUi(ui: ReactNode, lang: 'en' | 'fr' = 'en'): RenderResult {
  polyfill();
  return render(
    <I18nextProvider i18n={createI18n(lang)}>
      <MantineProvider>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}
