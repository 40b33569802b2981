import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';
import { SHORTCUTS } from './shortcuts';

/** The list of keyboard shortcuts (F1 or Ctrl+/); Escape closes it and focus goes back. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal title={t('shortcuts.title')} onClose={onClose} className="shortcuts-help">
      <p className="help">{t('shortcuts.intro')}</p>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{t(`shortcuts.${s.action}`)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>Esc</kbd>
            </th>
            <td>{t('shortcuts.close')}</td>
          </tr>
        </tbody>
      </table>
      <div className="modal-actions">
        <button type="button" className="primary" data-autofocus onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </Modal>
  );
}
