import { Button, Empty, Typography } from 'antd';
import { type Key, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasPermission } from '../../../domain/roles.ts';
import { type TCaseSearch, useCasePage, useCaseSummary } from '../../api/cases.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState } from '../../components/states.tsx';
import { CaseBulkBar } from './case-bulk.tsx';
import { CaseFilters } from './case-filters.tsx';
import { applyCasePatch, parseCaseSearch, summaryFiltersOf, toCaseSearchParams } from './case-search.ts';
import { CaseSummaryCards } from './case-summary.tsx';
import { CaseTable } from './case-table.tsx';

/**
 * 帮扶台账: the caseload of the signed-in user (a counselor's classes, a helper's paired graduates, a university's
 * or a county bureau's cases), most urgent first, with the counts as filters and bulk actions on a selection.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canWrite = hasPermission(me.roles, 'cases.write');
  const showUniversity = me.org.kind !== 'university' && me.org.kind !== 'college';
  const [params, setParams] = useSearchParams();
  const search = parseCaseSearch(params);
  const page = useCasePage(search);
  const summary = useCaseSummary(summaryFiltersOf(search));
  const [selected, setSelected] = useState<Key[]>([]);

  const setSearch = (next: TCaseSearch, replace = false) => setParams(toCaseSearchParams(next), { replace });
  const lastPage = page.data ? Math.max(1, Math.ceil(page.data.total / page.data.pageSize)) : undefined;
  const pastTheEnd = !page.isPlaceholderData && lastPage !== undefined && search.page > lastPage;
  useEffect(() => {
    if (pastTheEnd && lastPage)
      setParams(toCaseSearchParams({ ...search, page: lastPage }), { replace: true });
  });

  const onFilter = (patch: Parameters<typeof applyCasePatch>[1]) =>
    // built from the URL as it is now: a debounced search applying just after another change must not undo it
    setParams((prev) => toCaseSearchParams(applyCasePatch(parseCaseSearch(prev), patch)), {
      replace: Boolean(patch.q && search.q),
    });
  const reset = () => setSearch({ page: 1, pageSize: search.pageSize });

  // the counts cover the base filters only: zero with none of those set means the caseload itself is empty
  const nothingAtAll =
    summary.data?.total === 0 && Object.values(summaryFiltersOf(search)).every((v) => v === undefined);
  const empty = nothingAtAll ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{t('cases.empty')}</div>
          <Typography.Text type="secondary">{t('cases.emptyHint')}</Typography.Text>
        </>
      }
      data-testid="cases-none"
    />
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('common.noMatch')}
      data-testid="cases-no-match"
    >
      <Button onClick={reset}>{t('cases.resetFilters')}</Button>
    </Empty>
  );

  return (
    <>
      <PageHeader title={t('nav.cases')} />
      {summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <CaseSummaryCards
          summary={summary.data}
          loading={summary.isFetching}
          search={search}
          onFilter={onFilter}
        />
      )}
      <CaseFilters search={search} onChange={onFilter} onReset={reset} />
      {canWrite && selected.length > 0 && (
        <CaseBulkBar
          caseIds={selected.map(String)}
          onDone={() => setSelected([])}
          onClear={() => setSelected([])}
        />
      )}
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <CaseTable
          data={page.data}
          loading={page.isFetching}
          search={search}
          showUniversity={showUniversity}
          selected={selected}
          onSelect={canWrite ? setSelected : undefined}
          empty={empty}
          onPage={(p, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? p : 1, pageSize })
          }
          onSort={(sort, order) => setSearch({ ...search, sort, order: sort ? order : undefined, page: 1 })}
        />
      )}
    </>
  );
}
