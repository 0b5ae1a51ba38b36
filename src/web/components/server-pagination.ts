import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';

/** Page sizes every server-paged list offers. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * antd pagination for a server-paged list: the page, size and total the server answered (or what the URL asks
 * for while it loads), a size changer and "共 N 条".
 */
export function serverPagination(
  t: TFunction,
  page: { page: number; pageSize: number; total: number },
  onChange: (page: number, pageSize: number) => void,
): TablePaginationConfig {
  return {
    current: page.page,
    pageSize: page.pageSize,
    total: page.total,
    showSizeChanger: true,
    pageSizeOptions: [...PAGE_SIZES],
    showTotal: (n) => t('common.total', { count: n }),
    onChange,
  };
}
