import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMajorCatalogue } from '../../../domain/api/reference.ts';
import { useMajorCatalogues } from '../../api/opportunities.ts';

type TNode = { value: string; title: string; search: string; children?: TNode[] };

/**
 * The catalogues as a tree: 门类/大类 → 专业类 → 专业. 本科 categories (01–13) and 专科 ones (51–69) never share a
 * code, so both sit at the top level.
 */
export function majorTree(
  catalogues: readonly TMajorCatalogue[],
  levelLabel: (level: TMajorCatalogue['level']) => string = (l) => l,
): TNode[] {
  const roots: TNode[] = [];
  for (const cat of catalogues) {
    const byCode = new Map<string, TNode>();
    for (const e of cat.entries) {
      const label = `${e.code} ${e.name}`;
      const node: TNode = { value: e.code, title: label, search: label };
      byCode.set(e.code, node);
      if (e.code.length === 2) {
        node.title = `${label}（${levelLabel(cat.level)}）`;
        roots.push(node);
        continue;
      }
      const parent = byCode.get(e.code.length === 4 ? e.categoryCode : (e.classCode ?? ''));
      if (!parent) continue;
      parent.children = [...(parent.children ?? []), node];
    }
  }
  return roots.sort((a, b) => a.value.localeCompare(b.value));
}

/** Major names by code (categories, classes and majors), for reading rules and accepted majors. */
export function useMajorNames(): (code: string) => string | undefined {
  const catalogues = useMajorCatalogues();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const cat of catalogues.data ?? []) for (const e of cat.entries) names.set(e.code, e.name);
    return (code: string) => names.get(code);
  }, [catalogues.data]);
}

type TProps = {
  value?: string[];
  onChange?: (codes: string[]) => void;
  id?: string;
  placeholder?: string;
  'data-testid'?: string;
};

/**
 * Majors as code prefixes: ticking a category or class stands for everything in it (only the highest ticked
 * node is kept), so the value is exactly the prefixes a post accepts. Empty = 不限.
 */
export function MajorSelect({ value, onChange, id, placeholder, 'data-testid': testId }: TProps) {
  const { t } = useTranslation();
  const catalogues = useMajorCatalogues();
  const tree = useMemo(
    () => majorTree(catalogues.data ?? [], (l) => t(`graduates.levels.${l}`)),
    [catalogues.data, t],
  );
  return (
    <TreeSelect
      id={id}
      value={value ?? []}
      onChange={(v: string[]) => onChange?.(v)}
      treeData={tree}
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      showSearch={{ treeNodeFilterProp: 'search' }}
      allowClear
      loading={catalogues.isPending}
      placeholder={placeholder ?? t('opportunities.form.majorsPlaceholder')}
      maxTagCount="responsive"
      popupMatchSelectWidth={420}
      listHeight={360}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
