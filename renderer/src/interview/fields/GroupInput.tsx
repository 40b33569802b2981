import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Answer,
  GroupItem,
  LeafAnswer,
  SectionAnswers,
} from '../../../../shared/forms/answers';
import {
  CONSENT_SCOPES,
  CONSENT_SCOPES_FIELD,
  CONSENT_SECTION,
  CONSENT_WITHDRAWALS_FIELD,
} from '../../../../shared/forms/consent';
import type { GroupField, Template } from '../../../../shared/forms/template';
import { Modal } from '../../app/Modal';
import { answered, groupAnswer, itemsOf, newItemId, textOf } from '../answer-values';
import { useLocalText } from '../local-text';
import { useSectionStore } from '../use-interview';
import { FieldFrame } from './FieldFrame';
import { LeafQuestion } from './FieldView';

/**
 * A repeatable record (places of detention, interrogations, acts): numbered items, each with
 * the group's leaf questions; items are added and removed (after a confirmation). Items are
 * memoised, so a change in one item re-renders that item only. A withdrawal of consent, once
 * saved, stays (main refuses its removal: WITHDRAWAL_PERMANENT), so it offers no "remove", and
 * what it withdrew (its scope) cannot be changed; its date, "recipients told" and note can.
 */
export function GroupInput({
  field,
  answer,
  template,
  offerToday,
  onSet,
}: {
  field: GroupField;
  answer: Answer | undefined;
  template: Template;
  offerToday: boolean;
  onSet: (answer: Answer | undefined) => void;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const store = useSectionStore();
  const items = itemsOf(answer);
  const itemLabel = lt(field.itemLabel);
  const [removing, setRemoving] = useState<{ id: string; n: number } | null>(null);
  const pendingFocus = useRef<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  /** Changes the items from the store's current answer, never from a stale render. */
  const update = useCallback(
    (change: (items: GroupItem[]) => GroupItem[]) => {
      const next = change(itemsOf(store.getAnswer(field.id)));
      store.setAnswer(field.id, next.length ? groupAnswer(next) : undefined);
    },
    [store, field.id],
  );

  const setChild = useCallback(
    (itemId: string, childId: string, child: LeafAnswer | undefined) =>
      update((list) =>
        list.map((item) => {
          if (item.id !== itemId) return item;
          const answers = { ...item.answers };
          if (child === undefined) delete answers[childId];
          else answers[childId] = child;
          return { ...item, answers };
        }),
      ),
    [update],
  );

  const add = (preset: GroupItem['answers'] = {}) => {
    const id = newItemId();
    pendingFocus.current = id;
    update((list) => [...list, { id, answers: preset }]);
  };
  const onRemove = useCallback((id: string, n: number) => setRemoving({ id, n }), [setRemoving]);

  // A new item takes the focus, so the interviewer can answer at once.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id) return;
    pendingFocus.current = null;
    listRef.current
      ?.querySelector<HTMLElement>(`[data-item="${id}"] .q-control :is(input, select, textarea)`)
      ?.focus();
  });

  const permanent = usePermanentItems(field.id);
  const consentScopes = field.id === CONSENT_SCOPES_FIELD && storeIsConsent(store.id);
  const missingScopes = consentScopes
    ? CONSENT_SCOPES.filter((scope) => !items.some((i) => textOf(i.answers.scope) === scope))
    : [];

  return (
    <FieldFrame field={field} answer={answer} onSet={onSet} statesLocked={items.length > 0}>
      {() => (
        <div className="group">
          {items.length === 0 ? (
            <p className="muted">{t('field.group.empty')}</p>
          ) : (
            <ol className="group-items" ref={listRef}>
              {items.map((item, index) => (
                <GroupItemView
                  key={item.id}
                  field={field}
                  item={item}
                  n={index + 1}
                  itemLabel={itemLabel}
                  template={template}
                  offerToday={offerToday}
                  setChild={setChild}
                  onRemove={onRemove}
                  permanent={permanent.has(item.id)}
                />
              ))}
            </ol>
          )}
          <div className="group-actions">
            <button type="button" ref={addRef} onClick={() => add()}>
              {t('field.group.add', { item: itemLabel })}
            </button>
            {consentScopes && missingScopes.length > 0 && (
              <button
                type="button"
                onClick={() => {
                  const first = newItemId();
                  pendingFocus.current = first;
                  update((list) => [
                    ...list,
                    ...missingScopes.map((scope, i) => ({
                      id: i === 0 ? first : newItemId(),
                      answers: { scope: answered(scope) },
                    })),
                  ]);
                }}
              >
                {t('interview.addAllScopes')}
              </button>
            )}
          </div>
          {removing && (
            <Modal
              title={t('field.group.removeTitle', { item: itemLabel, n: removing.n })}
              onClose={() => setRemoving(null)}
            >
              <p>{t('field.group.removeIntro')}</p>
              <div className="modal-actions">
                <button type="button" data-autofocus onClick={() => setRemoving(null)}>
                  {t('app.cancel')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    const id = removing.id;
                    setRemoving(null);
                    update((list) => list.filter((item) => item.id !== id));
                    // The removed item's button is gone: focus goes to "add".
                    requestAnimationFrame(() => addRef.current?.focus());
                  }}
                >
                  {t('field.group.removeConfirm')}
                </button>
              </div>
            </Modal>
          )}
        </div>
      )}
    </FieldFrame>
  );
}

function storeIsConsent(sectionId: string): boolean {
  return sectionId === CONSENT_SECTION;
}

const NONE: ReadonlySet<string> = new Set();
/** What main refuses to change in a saved withdrawal (electron/main/interviews/withdrawals.ts). */
const PERMANENT_FIELDS: ReadonlySet<string> = new Set(['scope']);
const NO_ANSWERS: SectionAnswers = {};
const noAnswers = () => NO_ANSWERS;

/**
 * The items of this group main keeps for good: in section B's withdrawals, those last saved with
 * a scope (the rule of electron/main/interviews/withdrawals.ts). Other groups watch nothing.
 */
function usePermanentItems(fieldId: string): ReadonlySet<string> {
  const store = useSectionStore();
  const watched = fieldId === CONSENT_WITHDRAWALS_FIELD && storeIsConsent(store.id);
  const saved = useSyncExternalStore(store.subscribe, watched ? store.getPersisted : noAnswers);
  return useMemo(() => {
    if (!watched) return NONE;
    const ids = itemsOf(saved[fieldId])
      .filter((item) => textOf(item.answers['scope']) !== '')
      .map((item) => item.id);
    return new Set(ids);
  }, [watched, saved, fieldId]);
}

const GroupItemView = memo(function GroupItemView({
  field,
  item,
  n,
  itemLabel,
  template,
  offerToday,
  setChild,
  onRemove,
  permanent,
}: {
  field: GroupField;
  item: GroupItem;
  n: number;
  itemLabel: string;
  template: Template;
  offerToday: boolean;
  setChild: (itemId: string, childId: string, child: LeafAnswer | undefined) => void;
  onRemove: (id: string, n: number) => void;
  /** Saved for good (a recorded withdrawal): no "remove", its scope fixed, a note says why. */
  permanent: boolean;
}) {
  const { t } = useTranslation();
  const title = t('field.group.item', { item: itemLabel, n });
  return (
    <li className="group-item" data-item={item.id}>
      <fieldset>
        <legend>{title}</legend>
        <div className="group-item-fields">
          {field.fields.map((child) => (
            <ChildQuestion
              key={child.id}
              field={child}
              itemId={item.id}
              answer={item.answers[child.id]}
              template={template}
              offerToday={offerToday}
              setChild={setChild}
              path={`${field.id}.${item.id}.${child.id}`}
              fixed={permanent && PERMANENT_FIELDS.has(child.id)}
            />
          ))}
        </div>
        <div className="group-item-actions">
          {permanent ? (
            <p className="help" data-permanent="">
              {t('field.group.permanent')}
            </p>
          ) : (
            <button type="button" className="chip danger-chip" onClick={() => onRemove(item.id, n)}>
              {t('field.group.remove', { item: itemLabel, n })}
            </button>
          )}
        </div>
      </fieldset>
    </li>
  );
});

function ChildQuestion({
  field,
  itemId,
  answer,
  template,
  offerToday,
  setChild,
  path,
  fixed,
}: {
  field: GroupField['fields'][number];
  itemId: string;
  answer: LeafAnswer | undefined;
  template: Template;
  offerToday: boolean;
  setChild: (itemId: string, childId: string, child: LeafAnswer | undefined) => void;
  path: string;
  fixed: boolean;
}) {
  const onSet = useCallback(
    (a: LeafAnswer | undefined) => setChild(itemId, field.id, a),
    [setChild, itemId, field.id],
  );
  return (
    <LeafQuestion
      field={field}
      answer={answer}
      template={template}
      onSet={onSet}
      offerToday={offerToday}
      path={path}
      fixed={fixed}
    />
  );
}
