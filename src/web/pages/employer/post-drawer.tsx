import { App, Drawer } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { employerMayPost } from '../../../domain/opportunities/codes.ts';
import { OPPORTUNITY_KINDS } from '../../../domain/opportunities/types.ts';
import { useEmployerPost, useSaveEmployerPost } from '../../api/employer-portal.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { DEFAULT_COHORT } from '../imports/import-model.ts';
import { OpportunityForm } from '../opportunities/opportunity-form.tsx';
import { newPostValues, valuesOfPost } from '../opportunities/opportunity-form-model.ts';

/** What employers may post: jobs, traineeships and training (policy posts are the departments'). */
const EMPLOYER_KINDS = OPPORTUNITY_KINDS.filter(employerMayPost);

type TEditing = { id: string | null };

/**
 * The post form (the staff pages' form, limited to the kinds employers post and without the employer picker)
 * in a drawer over my posts: a new post is saved as a draft, an edit on the version it was loaded at.
 */
export function PostDrawer({ editing, onClose }: { editing: TEditing | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={editing !== null}
      onClose={onClose}
      size={960}
      destroyOnHidden
      title={editing?.id ? t('employerPortal.form.editTitle') : t('employerPortal.form.createTitle')}
      data-testid="employer-post-drawer"
    >
      {editing && (editing.id ? <EditPost id={editing.id} onDone={onClose} /> : <NewPost onDone={onClose} />)}
    </Drawer>
  );
}

function NewPost({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveEmployerPost();
  const initial = useMemo(
    () =>
      newPostValues('market_job', { referenceDate: dayjs().format('YYYY-MM-DD'), cohort: DEFAULT_COHORT }),
    [],
  );
  return (
    <OpportunityForm
      mode="create"
      initial={initial}
      kinds={EMPLOYER_KINDS}
      employerPicker={false}
      saving={save.isPending}
      onSubmit={async (body) => {
        await save.mutateAsync({ id: null, body });
        void message.success(t('employerPortal.form.created'));
        onDone();
      }}
      onCancel={onDone}
    />
  );
}

function EditPost({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const post = useEmployerPost(id);
  const save = useSaveEmployerPost();
  if (post.isPending) return <LoadingState />;
  if (post.isError) return <ErrorState error={post.error} onRetry={() => void post.refetch()} />;
  const detail = post.data;
  return (
    <OpportunityForm
      key={detail.version}
      mode="edit"
      initial={valuesOfPost(detail)}
      kinds={EMPLOYER_KINDS}
      employerPicker={false}
      saving={save.isPending}
      onSubmit={async (body) => {
        await save.mutateAsync({ id, body, version: detail.version });
        void message.success(t('employerPortal.form.saved'));
        onDone();
      }}
      onCancel={onDone}
    />
  );
}
