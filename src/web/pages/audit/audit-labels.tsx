import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionColor, knownAction, knownEntityType, shortId, type TActionFamily } from './audit-actions.ts';

/** Translators for action codes, families and entity types; unknown codes come back unchanged. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return {
    action: (action: string): string => {
      const known = knownAction(action);
      return known ? t(`audit.actions.${known}`) : action;
    },
    family: (family: TActionFamily): string => t(`audit.families.${family}`),
    entityType: (type: string): string => {
      const known = knownEntityType(type);
      return known ? t(`audit.entityTypes.${known}`) : type;
    },
  };
}

/**
 * The action as a coloured tag with its translated label; the raw code (for searching and support) only in
 * the tag's tooltip, so the Chinese page does not read "auth.login" under every sign-in.
 */
export function ActionTag({ action }: { action: string }) {
  const labels = useAuditLabels();
  const label = labels.action(action);
  const tag = (
    // long labels wrap inside the tag instead of running into the next column
    <Tag color={actionColor(action)} style={{ marginInlineEnd: 0, maxWidth: '100%', whiteSpace: 'normal' }}>
      {label}
    </Tag>
  );
  if (label === action) return tag;
  return (
    <Tooltip title={<span style={{ fontFamily: 'monospace' }}>{action}</span>}>
      <span data-action={action}>{tag}</span>
    </Tooltip>
  );
}

/** A long id shown short (first 8 of a UUID), whole in a tooltip, with a button that copies all of it. */
export function ShortId({ id }: { id: string }) {
  const short = shortId(id);
  return (
    <Typography.Text copyable={{ text: id }} style={{ whiteSpace: 'nowrap' }}>
      {short === id ? (
        id
      ) : (
        <Tooltip title={<span style={{ fontFamily: 'monospace' }}>{id}</span>}>
          <span style={{ fontFamily: 'monospace' }}>{short}</span>
        </Tooltip>
      )}
    </Typography.Text>
  );
}
