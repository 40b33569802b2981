/**
 * A recipient (a prosecutor's analyst, say) may run Svidok only to open the bundles they receive,
 * with no vault of their own: opening one needs none. So the create and unlock screens offer
 * "Open a bundle…" too, and the same Open bundle screen comes with a way back.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { OpenBundleScreen } from '../open-bundle/OpenBundleScreen';

/** Under the create or unlock card: the way to the Open bundle screen. */
export function OpenBundleEntry({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  const noteId = useId();
  return (
    <div className="vaultless-entry">
      <p id={noteId} className="muted">
        {t('openBundle.noVault')}
      </p>
      <button type="button" onClick={onOpen} aria-describedby={noteId}>
        {t('openBundle.open')}
      </button>
    </div>
  );
}

/** The Open bundle screen without a vault, and the way back to the vault's screen. */
export function BundleWithoutVault({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="vaultless-bundle">
      <button type="button" className="vaultless-back" onClick={onBack} autoFocus>
        ← {t('openBundle.back')}
      </button>
      <OpenBundleScreen />
    </div>
  );
}
