import { BulbOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairingSuggestion } from '../../../domain/api/pairing.ts';
import {
  type TPairingListSearch,
  usePairedCases,
  usePairingCoverage,
  usePairingHelpers,
  useSuggestPairings,
  useUnpairedCases,
} from '../../api/pairing.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { AssignModal, type TAssignTarget } from './assign-modal.tsx';
import { CollegeProgress, CoverageCards, LeadersAlert } from './coverage-panel.tsx';
import { HelpersTable } from './helpers-table.tsx';
import { ListFilters } from './list-filters.tsx';
import { PairedTable } from './paired-table.tsx';
import { cohortOptions } from './pairing-model.ts';
import { SuggestionModal } from './suggestion-modal.tsx';
import { UnpairedTable } from './unpaired-table.tsx';

type TTab = 'unpaired' | 'paired' | 'helpers';
const FIRST_PAGE: TPairingListSearch = { page: 1, pageSize: 20 };
const COHORTS = cohortOptions(new Date());

/**
 * 一帮一结对 for the university admin: coverage per college and of the leaders, the graduates still to pair
 * (select some or all, get a suggestion, adjust and confirm), the paired ones for reassignment, and the helpers
 * with their load.
 */
export function PairingPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [cohort, setCohort] = useState<number | undefined>();
  const [tab, setTab] = useState<TTab>('unpaired');
  const [unpairedSearch, setUnpairedSearch] = useState<TPairingListSearch>(FIRST_PAGE);
  const [pairedSearch, setPairedSearch] = useState<TPairingListSearch>(FIRST_PAGE);
  const [selected, setSelected] = useState<string[]>([]);
  const [suggestion, setSuggestion] = useState<TPairingSuggestion | null>(null);
  const [assigning, setAssigning] = useState<TAssignTarget | null>(null);

  const coverage = usePairingCoverage(cohort);
  const unpaired = useUnpairedCases({ ...unpairedSearch, cohort });
  const paired = usePairedCases({ ...pairedSearch, cohort });
  const helpers = usePairingHelpers(cohort);
  const suggest = useSuggestPairings();
  const colleges = coverage.data?.colleges ?? [];
  const helperList = helpers.data ?? [];

  const runSuggest = () =>
    suggest.mutate(
      selected.length > 0
        ? { caseIds: selected }
        : { ...(unpairedSearch.collegeId ? { collegeId: unpairedSearch.collegeId } : {}) },
      {
        onSuccess: (s) => {
          if (s.helperCount > 0 && s.items.length === 0) void message.info(t('pairing.suggest.nothing'));
          else setSuggestion(s);
        },
        onError: (error) => void message.error(errorText(error)),
      },
    );

  const pickCollege = (collegeId: string | undefined) => {
    setUnpairedSearch((s) => ({ ...s, collegeId, page: 1 }));
    setTab('unpaired');
  };

  const unpairedEmpty =
    coverage.data && coverage.data.unpaired === 0 && !unpairedSearch.q && !unpairedSearch.collegeId ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pairing.allDone')} />
    ) : (
      <EmptyState filtered={Boolean(unpairedSearch.q || unpairedSearch.collegeId)} />
    );

  const unpairedTab = unpaired.isError ? (
    <ErrorState error={unpaired.error} onRetry={() => void unpaired.refetch()} />
  ) : (
    <>
      <Flex justify="space-between" align="start" wrap gap="small">
        <ListFilters
          search={unpairedSearch}
          colleges={colleges}
          onChange={(p) => setUnpairedSearch((s) => ({ ...s, ...p }))}
          testId="pairing-unpaired"
        />
        <Flex gap="small" align="center" style={{ marginBottom: 12 }}>
          {selected.length > 0 && (
            <>
              <Typography.Text type="secondary">
                {t('pairing.selected', { count: selected.length })}
              </Typography.Text>
              <Button size="small" type="link" onClick={() => setSelected([])}>
                {t('pairing.clearSelection')}
              </Button>
            </>
          )}
          <Button
            type="primary"
            icon={<BulbOutlined />}
            loading={suggest.isPending}
            disabled={selected.length === 0 && (unpaired.data?.total ?? 0) === 0}
            onClick={runSuggest}
            data-testid="pairing-suggest"
          >
            {selected.length > 0
              ? t('pairing.suggest.selected', { count: selected.length })
              : t('pairing.suggest.all')}
          </Button>
        </Flex>
      </Flex>
      <UnpairedTable
        data={unpaired.data}
        loading={unpaired.isFetching}
        search={unpairedSearch}
        selected={selected}
        onSelect={setSelected}
        onPage={(page, pageSize) =>
          setUnpairedSearch((s) => ({ ...s, page: pageSize === s.pageSize ? page : 1, pageSize }))
        }
        onAssign={(r) => setAssigning({ caseId: r.caseId, name: r.name, current: null })}
        empty={unpairedEmpty}
      />
    </>
  );

  const pairedTab = paired.isError ? (
    <ErrorState error={paired.error} onRetry={() => void paired.refetch()} />
  ) : (
    <>
      <ListFilters
        search={pairedSearch}
        colleges={colleges}
        helpers={helperList}
        onChange={(p) => setPairedSearch((s) => ({ ...s, ...p }))}
        testId="pairing-paired"
      />
      <PairedTable
        data={paired.data}
        loading={paired.isFetching}
        search={pairedSearch}
        onPage={(page, pageSize) =>
          setPairedSearch((s) => ({ ...s, page: pageSize === s.pageSize ? page : 1, pageSize }))
        }
        onReassign={(r) =>
          setAssigning({
            caseId: r.caseId,
            name: r.name,
            current: { helperUserId: r.helperUserId, helperName: r.helperName },
          })
        }
        empty={
          <EmptyState
            filtered={Boolean(pairedSearch.q || pairedSearch.collegeId || pairedSearch.helperUserId)}
          />
        }
      />
    </>
  );

  const helpersTab = helpers.isError ? (
    <ErrorState error={helpers.error} onRetry={() => void helpers.refetch()} />
  ) : (
    <HelpersTable
      helpers={helpers.data}
      loading={helpers.isFetching}
      onView={(helperUserId) => {
        setPairedSearch({ ...FIRST_PAGE, pageSize: pairedSearch.pageSize, helperUserId });
        setTab('paired');
      }}
      empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pairing.noHelpers')} />}
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.pairing')}
        extra={
          <Select<number>
            value={cohort}
            onChange={(v) => {
              setCohort(v ?? undefined);
              setSelected([]);
              setUnpairedSearch((s) => ({ ...s, page: 1 }));
              setPairedSearch((s) => ({ ...s, page: 1 }));
            }}
            allowClear
            placeholder={t('pairing.allCohorts')}
            style={{ width: 140 }}
            options={COHORTS.map((year) => ({ value: year, label: t('pairing.cohortOption', { year }) }))}
            aria-label={t('pairing.cohort')}
            data-testid="pairing-cohort"
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('pairing.intro')}</Typography.Paragraph>
      {coverage.isError ? (
        <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
      ) : (
        <>
          <CoverageCards coverage={coverage.data} loading={coverage.isFetching} />
          <LeadersAlert coverage={coverage.data} />
          <CollegeProgress
            coverage={coverage.data}
            activeCollegeId={unpairedSearch.collegeId}
            onPick={pickCollege}
          />
        </>
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as TTab)}
          items={[
            {
              key: 'unpaired',
              label: t('pairing.tabs.unpaired', { count: coverage.data?.unpaired ?? 0 }),
              children: unpairedTab,
            },
            {
              key: 'paired',
              label: t('pairing.tabs.paired', { count: coverage.data?.paired ?? 0 }),
              children: pairedTab,
            },
            {
              key: 'helpers',
              label: t('pairing.tabs.helpers', { count: helperList.length }),
              children: helpersTab,
            },
          ]}
          data-testid="pairing-tabs"
        />
      </Card>
      <SuggestionModal
        suggestion={suggestion}
        helpers={helperList}
        onClose={() => setSuggestion(null)}
        onDone={() => {
          setSuggestion(null);
          setSelected([]);
        }}
      />
      <AssignModal target={assigning} helpers={helperList} onClose={() => setAssigning(null)} />
    </>
  );
}
