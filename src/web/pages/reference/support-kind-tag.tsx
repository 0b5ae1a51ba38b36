import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const KIND_COLORS: Record<string, string> = { east_west: 'geekblue', counterpart_xinjiang: 'purple' };

/** Kinds are data on the server; an unknown one still shows, untranslated, instead of disappearing. */
export function SupportKindTag({ kind }: { kind: string | null }) {
  const { t } = useTranslation();
  if (!kind) return null;
  const label = kind === 'east_west' || kind === 'counterpart_xinjiang' ? t(`supportKind.${kind}`) : kind;
  return <Tag color={KIND_COLORS[kind] ?? 'default'}>{label}</Tag>;
}
