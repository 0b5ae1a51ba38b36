import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { hasPermission } from '../../../domain/roles.ts';
import { type TOpportunitySearch, useOpportunityPage } from '../../api/opportunities.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState } from '../../components/states.tsx';
import { OpportunityFilters } from './opportunity-filters.tsx';
import { applyPatch, isFiltered, parseOpportunitySearch, toSearchParams } from './opportunity-search.ts';
import { OpportunityTable } from './opportunity-table.tsx';
import { PostActions } from './post-actions.tsx';

/**
 * 岗位与机会: posts of every kind (market jobs, the policy programmes, study and training routes) with filters,
 * server paging and sorting. Users who publish create posts and open or close their own organisation's.
 */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const canManage = hasPermission(me.roles, 'opportunities.manage');
  const [params, setParams] = useSearchParams();
  const search = parseOpportunitySearch(params);
  const page = useOpportunityPage(search);

  const setSearch = (next: TOpportunitySearch) => setParams(toSearchParams(next));
  const lastPage = page.data ? Math.max(1, Math.ceil(page.data.total / page.data.pageSize)) : undefined;
  const pastTheEnd = !page.isPlaceholderData && lastPage !== undefined && search.page > lastPage;
  useEffect(() => {
    if (pastTheEnd && lastPage) setParams(toSearchParams({ ...search, page: lastPage }), { replace: true });
  });

  const onFilter = (patch: Partial<TOpportunitySearch>) =>
    // from the URL as it is now: a debounced search applying just after another change must not undo it
    setParams((prev) => toSearchParams(applyPatch(parseOpportunitySearch(prev), patch)), {
      replace: Boolean(patch.q && search.q),
    });
  const reset = () => setSearch({ page: 1, pageSize: search.pageSize });

  const empty = isFiltered(search) ? (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={t('common.noMatch')}
      data-testid="posts-no-match"
    >
      <Button onClick={reset}>{t('opportunities.list.reset')}</Button>
    </Empty>
  ) : (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div>{t('opportunities.list.empty')}</div>
          <Typography.Text type="secondary">{t('opportunities.list.emptyHint')}</Typography.Text>
        </>
      }
      data-testid="posts-none"
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.opportunities')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/opportunities/new')}
              data-testid="post-create"
            >
              {t('opportunities.list.create')}
            </Button>
          )
        }
      />
      <OpportunityFilters
        variant="staff"
        search={search}
        onChange={onFilter}
        onReset={reset}
        showMine={canManage}
      />
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <OpportunityTable
          variant="staff"
          data={page.data}
          loading={page.isFetching}
          search={search}
          empty={empty}
          onPage={(p, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? p : 1, pageSize })
          }
          onSort={(sort, order) => setSearch({ ...search, sort, order: sort ? order : undefined, page: 1 })}
          actions={
            canManage
              ? (post) => (post.owner.id === me.org.id ? <PostActions post={post} /> : null)
              : undefined
          }
        />
      )}
    </>
  );
}
