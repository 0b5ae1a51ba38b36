import { App, Button, Flex, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import { useDeleteOpportunity, useSetOpportunityStatus } from '../../api/opportunities.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

type TPost = Pick<TOpportunityListItem, 'id' | 'title' | 'status' | 'version' | 'expired'>;

/**
 * Edit, open and close a post my organisation owns, or delete a draft; each change asks first (all are audited and
 * opening or closing changes what graduates see). A post whose deadline passed is edited before it can reopen.
 */
export function PostActions({
  post,
  size = 'small',
  onDeleted,
}: {
  post: TPost;
  size?: 'small' | 'middle';
  /** where to go once a draft is deleted (the detail page leaves; the list just refreshes) */
  onDeleted?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const navigate = useNavigate();
  const setStatus = useSetOpportunityStatus();
  const remove = useDeleteOpportunity();
  const link = size === 'small';
  const run = (status: 'open' | 'closed') =>
    setStatus.mutate(
      { id: post.id, status, version: post.version },
      {
        onSuccess: () =>
          void message.success(
            status === 'open' ? t('opportunities.actions.opened') : t('opportunities.actions.closed'),
          ),
        onError: (e) => void message.error(errorText(e)),
      },
    );
  const canOpen = post.status !== 'open' && !post.expired;
  const onDelete = () =>
    remove.mutate(post.id, {
      onSuccess: () => {
        void message.success(t('opportunities.actions.deleted'));
        onDeleted?.();
      },
      onError: (e) => void message.error(errorText(e)),
    });

  return (
    <Flex wrap gap={link ? 0 : 'small'} data-testid={`post-actions-${post.id}`}>
      <Button
        type={link ? 'link' : 'default'}
        size={size}
        onClick={() => navigate(`/opportunities/${post.id}/edit`)}
        data-testid="post-edit"
      >
        {t('opportunities.actions.edit')}
      </Button>
      {post.status === 'open' ? (
        <Popconfirm
          title={t('opportunities.actions.closeConfirm', { title: post.title })}
          description={t('opportunities.actions.closeDetail')}
          okText={t('opportunities.actions.close')}
          okButtonProps={{ danger: true }}
          onConfirm={() => run('closed')}
        >
          <Button
            type={link ? 'link' : 'default'}
            size={size}
            danger
            loading={setStatus.isPending}
            data-testid="post-close"
          >
            {t('opportunities.actions.close')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('opportunities.actions.openConfirm', { title: post.title })}
          description={t('opportunities.actions.openDetail')}
          okText={t('opportunities.actions.open')}
          onConfirm={() => run('open')}
          disabled={!canOpen}
        >
          <Button
            type={link ? 'link' : 'primary'}
            size={size}
            disabled={!canOpen}
            title={post.expired ? t('opportunities.expired') : undefined}
            loading={setStatus.isPending}
            data-testid="post-open"
          >
            {t('opportunities.actions.open')}
          </Button>
        </Popconfirm>
      )}
      {post.status === 'draft' && (
        <Popconfirm
          title={t('opportunities.actions.deleteConfirm', { title: post.title })}
          okText={t('opportunities.actions.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={onDelete}
        >
          <Button
            type={link ? 'link' : 'default'}
            size={size}
            danger
            loading={remove.isPending}
            data-testid="post-delete"
          >
            {t('opportunities.actions.delete')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}
