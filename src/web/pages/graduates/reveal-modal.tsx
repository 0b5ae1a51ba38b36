import { useTranslation } from 'react-i18next';
import type { TGraduateListItem } from '../../../domain/api/registry.ts';
import { useRevealId } from '../../api/graduates.ts';
import { RevealDialog } from '../../components/reveal-dialog.tsx';
import { useLastNonNull } from '../users/use-last.ts';

type TProps = { graduate: TGraduateListItem | null; onClose: () => void };

/** Reveal a graduate's full ID number (the server audits it with the reason). */
export function RevealModal({ graduate: current, onClose }: TProps) {
  // keep showing the graduate while the dialog closes
  const graduate = useLastNonNull(current);
  const { t } = useTranslation();
  const reveal = useRevealId();
  return (
    <RevealDialog
      open={current !== null}
      title={graduate ? t('graduates.revealTitle', { name: graduate.name }) : undefined}
      fieldLabel={t('graduates.idNumber')}
      masked={graduate?.idNumberMasked ?? ''}
      reveal={async (reason) => (await reveal.mutateAsync({ id: graduate!.id, reason })).idNumber}
      onClose={onClose}
    />
  );
}
