import { App, Button, Result } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { hasPermission } from '../../../domain/roles.ts';
import { useOpportunity, useSaveOpportunity } from '../../api/opportunities.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { DEFAULT_COHORT } from '../imports/import-model.ts';
import { OpportunityForm } from './opportunity-form.tsx';
import { newPostValues, valuesOfPost } from './opportunity-form-model.ts';

/** 发布岗位: a new post, saved as a draft owned by the user's organisation. */
export function NewOpportunityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const save = useSaveOpportunity();
  const initial = useMemo(
    () =>
      newPostValues('market_job', { referenceDate: dayjs().format('YYYY-MM-DD'), cohort: DEFAULT_COHORT }),
    [],
  );
  return (
    <>
      <PageHeader title={t('opportunities.form.createTitle')} />
      <OpportunityForm
        mode="create"
        initial={initial}
        employerPicker={hasPermission(me.roles, 'employers.manage') ? { current: null } : false}
        saving={save.isPending}
        onSubmit={async (body) => {
          const post = await save.mutateAsync({ id: null, body });
          void message.success(t('opportunities.form.created'));
          navigate(`/opportunities/${post.id}`, { replace: true });
        }}
        onCancel={() => navigate('/opportunities')}
      />
    </>
  );
}

/** 编辑岗位: only the posting organisation edits, on the version it loaded (409 when someone was quicker). */
export function EditOpportunityPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const post = useOpportunity(id);
  const save = useSaveOpportunity();

  if (post.isPending) return <LoadingState />;
  if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  const detail = post.data;
  if (!detail.canEdit) {
    return (
      <Result
        status="403"
        title={t('result.forbiddenTitle')}
        subTitle={t('opportunities.detail.notOwner', { owner: detail.owner.name })}
        extra={
          <Button onClick={() => navigate(`/opportunities/${id}`)}>{t('opportunities.detail.back')}</Button>
        }
      />
    );
  }
  return (
    <>
      <PageHeader title={`${t('opportunities.form.editTitle')} · ${detail.title}`} />
      <OpportunityForm
        key={detail.version}
        mode="edit"
        initial={valuesOfPost(detail)}
        employerPicker={
          hasPermission(me.roles, 'employers.manage') && detail.employer?.id !== detail.owner.id
            ? { current: detail.employer ? { id: detail.employer.id, name: detail.employer.name } : null }
            : false
        }
        saving={save.isPending}
        onSubmit={async (body) => {
          await save.mutateAsync({ id, body, version: detail.version });
          void message.success(t('opportunities.form.saved'));
          navigate(`/opportunities/${id}`);
        }}
        onCancel={() => navigate(`/opportunities/${id}`)}
      />
    </>
  );
}
