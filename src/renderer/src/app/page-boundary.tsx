import { Alert, Button, Stack, Text, Loader } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { Component, Suspense, useEffect, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/api-context';
import classes from './page-loading.module.css';

export function PageLoading(): ReactNode {
  const { t } = useTranslation();
  return (
    <div className={classes.holder} role="status" aria-label={t('app.pageLoading')} data-testid="page-loading">
      <Loader size="sm" className={classes.spinner} />
    </div>
  );
}

/** Shown instead of a white screen when a page's chunk cannot be fetched (server gone, build replaced). */
export function PageLoadFailed({ detail }: { detail: string }): ReactNode {
  const { t } = useTranslation();
  const { client } = useApi();
  useEffect(() => {
    // Under serve a chunk is refused when the session has ended (signed out elsewhere, expired): one cheap
    // call then meets the same 401 and the transport takes the page to the login, which brings it back here.
    client.call('app:info', {}).catch(() => undefined);
  }, [client]);
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={18} />}
      title={t('app.pageLoadFailed')}
      role="alert"
      data-testid="page-load-failed"
      maw={640}
      mx="auto"
      mt="xl"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('app.pageLoadFailedHint')}</Text>
        {detail && (
          <Text size="xs" c="dimmed">
            {detail}
          </Text>
        )}
        {/* A lazy page keeps a failed import for good, and the index may name new chunk files: only a
            reload of the document recovers. */}
        <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

interface BoundaryState {
  error: Error | null;
}

class PageErrorBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? <PageLoadFailed detail={this.state.error.message} /> : this.props.children;
  }
}

/**
 * Around the page area only, so the shell (navigation, header) stays usable when a page fails. The caller
 * keys it by page: opening another page starts with a fresh boundary instead of the old failure.
 */
export function PageBoundary({ children }: { children: ReactNode }): ReactNode {
  return (
    <PageErrorBoundary>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
