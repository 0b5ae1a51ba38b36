import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type TAuditSearch, useAuditPage } from '../../api/audit.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState } from '../../components/states.tsx';
import { AuditFilters } from './audit-filters.tsx';
import { parseAuditSearch, toSearchParams } from './audit-search.ts';
import { AuditTable } from './audit-table.tsx';
import { useAuditVerification } from './audit-verify.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = parseAuditSearch(params);
  const audit = useAuditPage(search);
  const verification = useAuditVerification();
  const setSearch = (next: TAuditSearch) => setParams(toSearchParams(next));
  const filtered = Boolean(search.action || search.actor || search.entityType || search.from || search.to);

  return (
    <>
      <PageHeader title={t('nav.audit')} extra={verification.button} />
      {verification.panel}
      <AuditFilters search={search} onChange={setSearch} />
      {audit.isError ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <AuditTable
          data={audit.data}
          loading={audit.isFetching}
          filtered={filtered}
          onPage={(page, pageSize) =>
            setSearch({ ...search, page: pageSize === search.pageSize ? page : 1, pageSize })
          }
        />
      )}
    </>
  );
}
