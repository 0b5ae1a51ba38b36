import { Badge, Button, Empty, Flex, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { INDUSTRIES } from '../../../domain/ledger/codes.ts';
import {
  EMPLOYER_STATUSES,
  EMPLOYER_TAGS,
  type TEmployerStatus,
} from '../../../domain/opportunities/codes.ts';
import { useEmployerCount, useEmployerPage } from '../../api/opportunities.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { RegionSelect } from '../cases/region-select.tsx';
import { DebouncedInput } from '../graduates/debounced-input.tsx';
import { EmployerDrawer } from './employer-drawer.tsx';
import {
  countFiltersOf,
  listSearchOf,
  MAX_QUERY_LENGTH,
  parseEmployerSearch,
  type TEmployerUrl,
  toEmployerParams,
} from './employer-search.ts';
import { EmployerTable } from './employer-table.tsx';

/**
 * 用人单位: registrations of employers in the reviewer's area by status (待审核 first), searchable; a drawer shows
 * one employer and approves or rejects it.
 */
export function EmployersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = parseEmployerSearch(params);
  const page = useEmployerPage(listSearchOf(search));
  const filters = countFiltersOf(search);
  const counts = {
    pending: useEmployerCount({ ...filters, status: 'pending' }),
    approved: useEmployerCount({ ...filters, status: 'approved' }),
    rejected: useEmployerCount({ ...filters, status: 'rejected' }),
  };

  const setSearch = (next: TEmployerUrl, replace = false) => setParams(toEmployerParams(next), { replace });
  const onFilter = (patch: Partial<TEmployerUrl>) =>
    setParams(
      (prev) => {
        const next = { ...parseEmployerSearch(prev), ...patch, page: 1 };
        for (const k of Object.keys(next) as (keyof TEmployerUrl)[])
          if (next[k] === undefined) delete next[k];
        return toEmployerParams(next);
      },
      { replace: Boolean(patch.q && search.q) },
    );
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title={t('nav.employers')} />
      <Typography.Paragraph type="secondary">{t('employers.list.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={search.status}
        onChange={(key) =>
          setSearch({ page: 1, pageSize: search.pageSize, ...filters, status: key as TEmployerStatus })
        }
        items={EMPLOYER_STATUSES.map((s) => ({
          key: s,
          label: (
            <span data-testid={`employers-tab-${s}`}>
              {t(`employers.statuses.${s}`)}{' '}
              <Badge
                count={counts[s].data ?? 0}
                showZero
                overflowCount={9999}
                color={s === 'pending' && counts[s].data ? 'orange' : 'rgba(0,0,0,0.25)'}
              />
            </span>
          ),
        }))}
      />
      <Flex wrap gap="small" align="center" style={{ marginBottom: 16 }} data-testid="employer-filters">
        <DebouncedInput
          search
          value={search.q}
          onApply={(q) => onFilter({ q })}
          placeholder={t('employers.list.searchPlaceholder')}
          maxLength={MAX_QUERY_LENGTH}
          width={230}
          data-testid="employer-q"
        />
        <div style={{ width: 200 }}>
          <RegionSelect
            value={search.region ?? null}
            onChange={(region) => onFilter({ region: region ?? undefined })}
            placeholder={t('employers.list.region')}
          />
        </div>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={search.industry ?? null}
          placeholder={t('employers.list.industry')}
          options={INDUSTRIES.map((i) => ({ value: i, label: t(`cases.industries.${i}`) }))}
          onChange={(industry) => onFilter({ industry: industry ?? undefined })}
          style={{ width: 180 }}
          popupMatchSelectWidth={300}
        />
        <Select
          allowClear
          value={search.tag ?? null}
          placeholder={t('employers.list.tag')}
          options={EMPLOYER_TAGS.map((tag) => ({ value: tag, label: t(`employers.tags.${tag}`) }))}
          onChange={(tag) => onFilter({ tag: tag ?? undefined })}
          style={{ width: 160 }}
        />
        <Button onClick={() => setSearch({ page: 1, pageSize: search.pageSize, status: search.status })}>
          {t('common.reset')}
        </Button>
      </Flex>
      {page.isError ? (
        <ErrorState error={page.error} onRetry={() => void page.refetch()} />
      ) : (
        <EmployerTable
          data={page.data}
          loading={page.isFetching}
          search={search}
          empty={
            filtered ? (
              <EmptyState filtered />
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  search.status === 'pending' ? t('employers.list.emptyPending') : t('employers.list.empty')
                }
              />
            )
          }
          onOpen={(id) => setSearch({ ...search, open: id })}
          onPage={(p, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? p : 1, pageSize })
          }
          onSort={(sort, order) => setSearch({ ...search, sort, order, page: 1 })}
        />
      )}
      <EmployerDrawer
        id={search.open ?? null}
        onClose={() => {
          const { open: _o, ...rest } = search;
          setSearch(rest, true);
        }}
      />
    </>
  );
}
