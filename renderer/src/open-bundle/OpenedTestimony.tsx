import { useTranslation } from 'react-i18next';
import type { OpenedBundleView } from '../../../shared/opened-bundle';
import { useLocalText } from '../interview/local-text';

type Testimony = OpenedBundleView['contents']['testimonies'][number];

/**
 * One testimony as the bundle tells it, read-only: plain text only (no control, no markup from
 * the bundle), "unknown", "declined" and "redacted" said as such, attachments with their hashes.
 */
export function OpenedTestimony({
  testimony,
  verified,
}: {
  testimony: Testimony;
  verified: boolean;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const titleId = `opened-${testimony.recordCode}`.replace(/[^\w-]/gu, '_');
  return (
    <article className="opened-testimony" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t('openBundle.recordCode')}: <span className="mono">{testimony.recordCode}</span>
        {!verified && <span className="unverified-tag">{t('openBundle.unverified')}</span>}
      </h3>
      {!testimony.readable ? (
        <p className="error-note">{t('openBundle.unreadable')}</p>
      ) : (
        <>
          <dl className="opened-facts">
            <dt>{t('openBundle.template')}</dt>
            <dd>
              {testimony.templateId} v{testimony.templateVersion}
            </dd>
            <dt>{t('openBundle.created')}</dt>
            <dd>{testimony.createdAt}</dd>
            <dt>{t('openBundle.updated')}</dt>
            <dd>{testimony.updatedAt}</dd>
            {testimony.consent && (
              <>
                <dt>{t('openBundle.consent')}</dt>
                <dd>
                  {testimony.consent.granted.join(', ')}
                  {testimony.consent.withdrawn.length > 0 &&
                    ` · ${t('openBundle.consentWithdrawn')}: ${testimony.consent.withdrawn.join(', ')}`}
                </dd>
              </>
            )}
          </dl>
          <h4>{t('openBundle.narrative')}</h4>
          <p className="opened-narrative" lang="">
            {testimony.narrative || t('openBundle.emptyNarrative')}
          </p>
          <h4>{t('openBundle.answersTitle')}</h4>
          {testimony.answers === null ? (
            <p className="muted">{t('openBundle.answersUnreadable')}</p>
          ) : testimony.answers.length === 0 ? (
            <p className="muted">{t('openBundle.noAnswers')}</p>
          ) : (
            testimony.answers.map((section) => (
              <section key={section.id} className="opened-section">
                <h5>
                  {section.id}. {local(section.title)}
                </h5>
                <dl className="opened-answers">
                  {section.rows.map((row, i) => (
                    <div key={i} className="opened-answer" data-state={row.state}>
                      <dt>{local(row.label)}</dt>
                      <dd>
                        {row.state === 'answered' ? (
                          local(row.text)
                        ) : (
                          <span className={`answer-state answer-${row.state}`}>
                            {t(`openBundle.states.${row.state}`)}
                          </span>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))
          )}
          <h4>{t('openBundle.attachmentsTitle')}</h4>
          {testimony.attachments.length === 0 ? (
            <p className="muted">{t('openBundle.noAttachments')}</p>
          ) : (
            <ul className="opened-attachments">
              {testimony.attachments.map((a, i) => (
                <li key={i}>
                  <span className="attachment-name">{a.fileName}</span>
                  <span className="muted">
                    {' '}
                    · {t('openBundle.attachmentSize', { size: a.size })}
                  </span>
                  <br />
                  <span className="mono hash">SHA-256 {a.sha256}</span>
                  {a.bagSha256 === null ? (
                    <span className="error-note inline">
                      {' '}
                      · {t('openBundle.attachmentMissing')}
                    </span>
                  ) : (
                    a.bagSha256 !== a.sha256 && (
                      <span className="error-note inline">
                        {' '}
                        · {t('openBundle.attachmentDiffers')}
                      </span>
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </article>
  );
}
