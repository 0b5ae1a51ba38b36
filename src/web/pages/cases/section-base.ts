import { useCallback, useEffect, useState } from 'react';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';

export type TSectionBase<T> = {
  /** the version the form's values were taken from: what an overwrite sends */
  version: number;
  values: T;
  /** changes whenever the form must start again from `values` (use it as the form's key) */
  stamp: number;
  /** the stored section changed under unsaved edits; saving will meet a conflict */
  stale: boolean;
  setDirty: (dirty: boolean) => void;
  /** start again from this case page (after a save, or "use the saved version") */
  adopt: (detail: TCaseDetail) => void;
};

/**
 * What an editable section of the case page was loaded from. A save must carry the version its values came
 * from, or it would silently overwrite what someone else saved meanwhile; but a change elsewhere on the case
 * (another section, one's own save) must not make this section's save fail. So: when the case moves on and
 * this section's stored values are unchanged, the base version follows silently; when they changed and the
 * user has not touched the form, the form reloads; when they changed under unsaved edits, the old version is
 * kept and the server answers with a conflict to compare.
 */
export function useSectionBase<T>(detail: TCaseDetail, pick: (d: TCaseDetail) => T): TSectionBase<T> {
  const current = pick(detail);
  const key = JSON.stringify(current);
  const [base, setBase] = useState(() => ({ version: detail.version, key, values: current, stamp: 0 }));
  const [dirty, setDirty] = useState(false);

  const adopt = useCallback(
    (d: TCaseDetail) => {
      const values = pick(d);
      setBase((b) => ({ version: d.version, key: JSON.stringify(values), values, stamp: b.stamp + 1 }));
      setDirty(false);
    },
    [pick],
  );

  useEffect(() => {
    if (detail.version === base.version) return;
    if (key === base.key) setBase((b) => ({ ...b, version: detail.version }));
    else if (!dirty) adopt(detail);
  }, [detail, key, base.version, base.key, dirty, adopt]);

  return {
    version: base.version,
    values: base.values,
    stamp: base.stamp,
    stale: dirty && key !== base.key,
    setDirty,
    adopt,
  };
}
