import { Flex, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { cohortYears, DEFAULT_COHORT } from '../imports/import-model.ts';
import { HandoverBatches } from './handover-batches.tsx';
import { HandoverPreview } from './handover-preview.tsx';

/** The cohort in the URL (?cohort=2020), or the default one. */
function cohortOf(params: URLSearchParams): number {
  const n = Number(params.get('cohort'));
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : DEFAULT_COHORT;
}

/** 移交人社: preview and commit the hand-over of a cohort's unemployed graduates to their county HRSS bureaus. */
export function HandoverPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cohort = cohortOf(params);
  return (
    <>
      <PageHeader
        title={t('nav.handover')}
        extra={
          <Flex gap="small" align="center">
            <Typography.Text type="secondary">{t('handover.cohort')}</Typography.Text>
            <Select
              value={cohort}
              onChange={(next) => setParams({ cohort: String(next) })}
              options={cohortYears(dayjs().year()).map((year) => ({
                value: year,
                label: t('graduates.cohortOption', { year }),
              }))}
              style={{ width: 120 }}
              aria-label={t('handover.cohort')}
              data-testid="handover-cohort"
            />
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('handover.intro')}</Typography.Paragraph>
      <HandoverPreview key={cohort} cohort={cohort} />
      <HandoverBatches />
    </>
  );
}
