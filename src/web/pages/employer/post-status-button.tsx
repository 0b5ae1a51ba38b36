import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import { useDeleteEmployerPost, useSetEmployerPostStatus } from '../../api/employer-portal.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

type TPost = Pick<TOpportunityListItem, 'id' | 'title' | 'status' | 'version' | 'expired'>;

/**
 * Open a draft or closed post for applications, or close an open one — both asked first, since they change
 * what graduates see. A post whose deadline passed is edited before it can open again.
 */
export function PostStatusButton({ post, link = true }: { post: TPost; link?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const setStatus = useSetEmployerPostStatus();
  const closing = post.status === 'open';
  const run = () =>
    setStatus.mutate(
      { id: post.id, status: closing ? 'closed' : 'open', version: post.version },
      {
        onSuccess: () =>
          void message.success(
            closing ? t('opportunities.actions.closed') : t('opportunities.actions.opened'),
          ),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  const disabled = !closing && post.expired;
  return (
    <Popconfirm
      title={t(closing ? 'opportunities.actions.closeConfirm' : 'opportunities.actions.openConfirm', {
        title: post.title,
      })}
      description={
        <div style={{ maxWidth: 320 }}>
          {closing ? t('opportunities.actions.closeDetail') : t('employerPortal.posts.openDetail')}
        </div>
      }
      okText={closing ? t('opportunities.actions.close') : t('opportunities.actions.open')}
      okButtonProps={{ danger: closing }}
      cancelText={t('common.cancel')}
      onConfirm={run}
      disabled={disabled}
    >
      <Button
        type={link ? 'link' : closing ? 'default' : 'primary'}
        size={link ? 'small' : 'middle'}
        danger={closing}
        disabled={disabled}
        title={disabled ? t('opportunities.expired') : undefined}
        loading={setStatus.isPending}
        data-testid={closing ? 'employer-post-close' : 'employer-post-open'}
      >
        {closing ? t('opportunities.actions.close') : t('opportunities.actions.open')}
      </Button>
    </Popconfirm>
  );
}

/** Delete a draft, asked first; posts that were ever opened are closed instead. */
export function DeleteDraftButton({ post }: { post: TPost }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const remove = useDeleteEmployerPost();
  if (post.status !== 'draft') return null;
  return (
    <Popconfirm
      title={t('employerPortal.posts.deleteConfirm', { title: post.title })}
      okText={t('employerPortal.posts.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        remove.mutate(post.id, {
          onSuccess: () => void message.success(t('employerPortal.posts.deleted')),
          onError: (e) => void message.error(errorText(e)),
        })
      }
    >
      <Button type="link" size="small" danger loading={remove.isPending} data-testid="employer-post-delete">
        {t('employerPortal.posts.delete')}
      </Button>
    </Popconfirm>
  );
}
