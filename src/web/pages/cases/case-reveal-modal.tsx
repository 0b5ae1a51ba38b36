import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealOnCase } from '../../api/cases.ts';
import { RevealDialog } from '../../components/reveal-dialog.tsx';

export type TRevealField = 'idNumber' | 'phone';

type TProps = {
  caseId: string;
  name: string;
  field: TRevealField | null;
  masked: string;
  onClose: () => void;
};

/** Reveal the case's full ID number or phone (the server audits it with the reason). */
export function CaseRevealModal({ caseId, name, field, masked, onClose }: TProps) {
  const { t } = useTranslation();
  const reveal = useRevealOnCase(caseId);
  // keep the field while the dialog closes
  const [shown, setShown] = useState<TRevealField>('idNumber');
  if (field && field !== shown) setShown(field);
  const fieldLabel = shown === 'idNumber' ? t('cases.profile.idNumber') : t('cases.profile.phone');
  return (
    <RevealDialog
      open={field !== null}
      title={t('cases.profile.revealTitle', { name, field: fieldLabel })}
      fieldLabel={fieldLabel}
      masked={masked}
      reveal={async (reason) => (await reveal.mutateAsync({ field: shown, reason })).value}
      onClose={onClose}
    />
  );
}
