import { Card, Statistic, Tooltip, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCaseloadSummary } from '../../../domain/api/ledger.ts';
import type { TCaseFilterSearch, TCaseSearch } from '../../api/cases.ts';

type TCard = keyof TCaseloadSummary;
const CARDS: TCard[] = ['total', 'overdue', 'unpaired', 'noCounselor', 'needsNotConfirmed', 'placed'];

/** The filter each card stands for; `total` clears the card filters. */
const CARD_PATCH: Record<TCard, Partial<TCaseFilterSearch>> = {
  total: {},
  overdue: { overdue: 'true' },
  unpaired: { unpaired: 'true' },
  noCounselor: { noCounselor: 'true' },
  needsNotConfirmed: { notClear: 'needs' },
  placed: { status: 'placed' },
};
const CLEAR: Partial<TCaseFilterSearch> = {
  overdue: undefined,
  unpaired: undefined,
  noCounselor: undefined,
  notClear: undefined,
  status: undefined,
};

function isActive(card: TCard, search: TCaseSearch): boolean {
  if (card === 'total')
    return !search.overdue && !search.unpaired && !search.noCounselor && !search.notClear && !search.status;
  return Object.entries(CARD_PATCH[card]).every(([k, v]) => search[k as keyof TCaseSearch] === v);
}

/**
 * The caseload's headline counts; a card is a filter: clicking it shows just those cases, clicking it again
 * (or 全部台账) shows them all.
 */
export function CaseSummaryCards({
  summary,
  loading,
  search,
  onFilter,
}: {
  summary: TCaseloadSummary | undefined;
  loading: boolean;
  search: TCaseSearch;
  onFilter: (patch: Partial<TCaseFilterSearch>) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors: Record<TCard, string | undefined> = {
    total: undefined,
    overdue: token.colorError,
    unpaired: token.colorWarning,
    noCounselor: token.colorWarning,
    needsNotConfirmed: token.colorWarning,
    placed: token.colorSuccess,
  };
  return (
    <div className="stat-grid" style={{ marginBottom: 16 }} data-testid="case-summary">
      {CARDS.filter((card) => card !== 'noCounselor' || summary?.noCounselor !== undefined).map((card) => {
        const active = isActive(card, search);
        const toggle = () => onFilter(active && card !== 'total' ? CLEAR : { ...CLEAR, ...CARD_PATCH[card] });
        return (
          <Tooltip
            key={card}
            title={active && card !== 'total' ? t('cases.summary.active') : t('cases.summary.clickToFilter')}
          >
            <Card
              size="small"
              hoverable
              role="button"
              tabIndex={0}
              aria-pressed={active}
              onClick={toggle}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  toggle();
                }
              }}
              style={
                active
                  ? { borderColor: token.colorPrimary, boxShadow: `0 0 0 1px ${token.colorPrimary}` }
                  : undefined
              }
              data-testid={`case-card-${card}`}
            >
              <Statistic
                title={t(`cases.summary.${card}`)}
                value={summary?.[card] ?? 0}
                loading={loading && !summary}
                styles={{ content: { color: summary?.[card] ? colors[card] : undefined } }}
              />
            </Card>
          </Tooltip>
        );
      })}
    </div>
  );
}
