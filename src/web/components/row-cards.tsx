import { Card, Flex, Grid, Pagination, Spin, type TablePaginationConfig, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';

/*
 * Lists on a phone. Below 576 px a table scrolls sideways and shows two columns at a time, so the worklists
 * (the ledger, notifications, the employer's posts and applicants) show each row as a card instead: the
 * table's own column definitions, the first one as the card's title and the others as labelled lines, so
 * the two views can never disagree about what a row shows.
 */

/** Below antd's `sm` breakpoint (576 px): a phone held upright. */
export function useIsPhone(): boolean {
  return Grid.useBreakpoint().sm === false;
}

type TProps<T> = {
  columns: ColumnsType<T>;
  dataSource: readonly T[];
  rowKey: (row: T) => Key;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  empty?: ReactNode;
  /** column keys left out of the cards (e.g. a time already in the title) */
  omit?: readonly Key[];
  'data-testid'?: string;
};

/** What a column shows for a row, as the table would render it. */
export function cellOf<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  // antd's DataIndex is a deep path type; narrowing it with Array.isArray makes tsc run out of memory
  const path = column.dataIndex as string | number | readonly (string | number)[] | undefined;
  const value =
    path === undefined
      ? undefined
      : (Array.isArray(path) ? path : [path]).reduce<unknown>(
          (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
          row,
        );
  const rendered = column.render ? column.render(value, row, index) : (value as ReactNode);
  // a render may return cell props ({ children, props }); the children are what a card shows
  if (rendered && typeof rendered === 'object' && 'children' in rendered && !('$$typeof' in rendered)) {
    return (rendered as { children: ReactNode }).children;
  }
  return rendered as ReactNode;
}

export function RowCards<T>(props: TProps<T>) {
  const { columns, dataSource, rowKey, loading, pagination, empty, omit = [] } = props;
  const leaves = columns.filter(
    (c): c is ColumnType<T> => !('children' in c) && !omit.includes(c.key as Key),
  );
  const [head, ...rest] = leaves;
  return (
    <Spin spinning={loading ?? false}>
      <Flex vertical gap="small" data-testid={props['data-testid']} className="row-cards">
        {dataSource.length === 0 && !loading && empty}
        {dataSource.map((row, index) => (
          <Card key={rowKey(row)} size="small" title={head ? cellOf(head, row, index) : undefined}>
            <Flex vertical gap={6}>
              {rest.map((column) => (
                <Flex key={String(column.key)} gap="small" align="baseline" wrap>
                  {column.title && typeof column.title !== 'function' && (
                    <Typography.Text type="secondary" style={{ flex: '0 0 auto', fontSize: 12 }}>
                      {column.title}
                    </Typography.Text>
                  )}
                  <div style={{ minWidth: 0, flex: '1 1 auto' }}>{cellOf(column, row, index)}</div>
                </Flex>
              ))}
            </Flex>
          </Card>
        ))}
        {pagination && (pagination.total ?? 0) > 0 && (
          <Flex justify="center">
            <Pagination {...pagination} size="small" simple showSizeChanger={false} />
          </Flex>
        )}
      </Flex>
    </Spin>
  );
}
