import { useQueryClient } from '@tanstack/react-query';
import { App, Tree, type TreeDataNode } from 'antd';
import { type Key, useCallback, useMemo, useState } from 'react';
import type { TRegionNode } from '../../../../domain/api/reference.ts';
import { fetchRegionChildren, regionChildrenKey, useProvinces } from '../../../api/reference.ts';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { useErrorMessage } from '../../../i18n/error-message.ts';
import { RegionLabel } from './region-label.tsx';

type TChildren = Record<string, TRegionNode[]>;

function toTreeNodes(regions: TRegionNode[], children: TChildren, focusOnly: boolean): TreeDataNode[] {
  return regions
    .filter((r) => !focusOnly || r.focusCount > 0)
    .map((r) => {
      const loaded = children[r.code];
      return {
        key: r.code,
        title: <RegionLabel region={r} />,
        isLeaf: !r.hasChildren,
        children: loaded ? toTreeNodes(loaded, children, focusOnly) : undefined,
      };
    });
}

/** Province → prefecture → county, fetching each level only when its parent is opened. */
export function RegionTree({ focusOnly }: { focusOnly: boolean }) {
  const provinces = useProvinces();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [children, setChildren] = useState<TChildren>({});

  const loadData = useCallback(
    async ({ key }: { key: Key }) => {
      const code = String(key);
      try {
        const nodes = await queryClient.fetchQuery({
          queryKey: regionChildrenKey(code),
          queryFn: () => fetchRegionChildren(code),
          staleTime: 60 * 60_000,
        });
        setChildren((prev) => ({ ...prev, [code]: nodes }));
      } catch (error) {
        void message.error(errorMessage(error));
        // rejecting lets the tree try again the next time the node is opened
        throw error;
      }
    },
    [queryClient, message, errorMessage],
  );

  const treeData = useMemo(
    () => toTreeNodes(provinces.data ?? [], children, focusOnly),
    [provinces.data, children, focusOnly],
  );

  if (provinces.isPending) return <LoadingState />;
  if (provinces.isError)
    return <ErrorState error={provinces.error} onRetry={() => void provinces.refetch()} />;
  if (treeData.length === 0) return <EmptyState filtered={focusOnly} />;
  return (
    <Tree
      treeData={treeData}
      loadData={loadData}
      height={640}
      blockNode
      showLine={{ showLeafIcon: false }}
      data-testid="region-tree"
    />
  );
}
