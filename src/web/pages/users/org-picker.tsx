import { Flex, Tag, TreeSelect, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrgNode } from '../../../domain/api/orgs.ts';
import { orgMatches } from './user-model.ts';

type TTreeOption = {
  value: string;
  title: ReactNode;
  /** what the closed select shows */
  label: string;
  name: string;
  code: string;
  children?: TTreeOption[];
};

type TProps = {
  tree: TOrgNode[] | undefined;
  loading: boolean;
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
};

/** Picks an org unit by code from the org tree; search matches names and codes. */
export function OrgPicker({ tree, loading, value, onChange, id }: TProps) {
  const { t } = useTranslation();
  const treeData = useMemo(() => {
    const toOption = (node: TOrgNode): TTreeOption => ({
      value: node.code,
      label: `${node.name}（${node.code}）`,
      name: node.name,
      code: node.code,
      title: (
        <Flex gap={6} align="center">
          <span>{node.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {node.code}
          </Typography.Text>
          <Tag variant="filled" style={{ marginInlineEnd: 0 }}>
            {t(`orgKinds.${node.kind}`)}
          </Tag>
        </Flex>
      ),
      children: node.children.length > 0 ? node.children.map(toOption) : undefined,
    });
    return (tree ?? []).map(toOption);
  }, [tree, t]);
  const topLevel = useMemo(() => treeData.map((o) => o.value), [treeData]);

  return (
    <TreeSelect<string, TTreeOption>
      // remounted when the tree arrives, so the top level opens even if the picker rendered first
      key={topLevel.join()}
      id={id}
      value={value}
      onChange={(code) => onChange?.(code)}
      treeData={treeData}
      loading={loading}
      allowClear
      showSearch={{
        filterTreeNode: (input, node) => orgMatches(node as unknown as TTreeOption, input),
      }}
      treeNodeLabelProp="label"
      treeDefaultExpandedKeys={topLevel}
      placeholder={t('users.orgPlaceholder')}
      listHeight={320}
      style={{ width: '100%' }}
      data-testid="org-picker"
    />
  );
}
