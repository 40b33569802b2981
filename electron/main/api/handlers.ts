/** Every channel of the table, implemented by calling the services. No logic of its own. */
import { basename, dirname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { minisignPublicKey } from '../bundles';
import { openBundleForView, requireDeviceKey } from '../verify';
import type { Dialogs } from './dialogs';
import type { Handlers } from './dispatch';
import { redactionHandlers } from './redaction-handlers';
import type { Services } from './services';

export function createHandlers(services: Services, dialogs: Dialogs): Handlers {
  const { vault, custody, testimonies, preferences, attachments, interviews, registers, consent } =
    services;
  return {
    'vault:status': () => ({ state: vault.state() }),
    'vault:create': async ({ passphrase, replaceDestroyed }) => {
      const created = await vault.create(passphrase, {
        replaceDestroyed: replaceDestroyed === true,
      });
      custody.record('vault.created');
      return created;
    },
    'vault:unlock': async ({ passphrase }) => {
      const state = await vault.unlock(passphrase);
      custody.record('vault.unlocked');
      // Temp blobs a crash left behind hold nothing readable (their keys were never saved).
      void attachments.sweepLeftovers().catch(() => undefined);
      return { state };
    },
    'vault:unlockWithRecoveryKey': async ({ recoveryKey }) => {
      const state = await vault.unlockWithRecoveryKey(recoveryKey);
      custody.record('vault.recovery_used');
      return { state };
    },
    'vault:changePassphrase': async ({ current, next }) => {
      const state = await vault.changePassphrase(current, next);
      custody.record('vault.passphrase_changed');
      return { state };
    },
    'vault:destroy': async ({ confirmation }) => ({ state: await vault.destroy(confirmation) }),
    'vault:lock': () => ({ state: vault.lock() }),
    'vault:devicePublicKey': () => {
      const { keyId, text } = minisignPublicKey(Buffer.from(custody.publicKey(), 'base64'));
      return { keyId, minisign: text };
    },
    'testimony:list': () => ({ items: testimonies.list() }),
    'testimony:create': ({ recordCode }) => testimonies.create(recordCode),
    'testimony:get': ({ id }) => {
      const testimony = testimonies.get(id);
      custody.record('testimony.viewed', { testimonyId: id }, { revision: testimony.revision });
      return testimony;
    },
    'testimony:saveNarrative': ({ id, narrative, baseRevision }) =>
      testimonies.saveNarrative(id, narrative, baseRevision),
    'testimony:search': ({ query }) => ({ items: testimonies.search(query) }),
    'testimony:history': ({ id }) => ({ items: testimonies.history(id) }),
    'testimony:revision': ({ id, seq }) => ({ seq, narrative: testimonies.revisionText(id, seq) }),
    'interview:get': ({ testimonyId }) => {
      const interview = interviews.get(testimonyId);
      // Answers identify the survivor: reading them is a view, as reading the narrative is.
      custody.record('testimony.viewed', { testimonyId }, { part: 'interview' });
      return interview;
    },
    'interview:consent': ({ testimonyId }) => interviews.consent(testimonyId),
    'interview:saveSection': ({ testimonyId, sectionId, answers, baseRevision }) =>
      interviews.saveSection(testimonyId, sectionId, answers, baseRevision),
    'interview:event': ({ testimonyId, ...event }) => ({
      events: interviews.event(testimonyId, event),
    }),
    'register:list': () => registers.list(),
    'register:save': (input) => {
      switch (input.register) {
        case 'facilities':
          return { register: 'facilities', entry: registers.saveFacility(input.entry) };
        case 'perpetrators':
          return { register: 'perpetrators', entry: registers.savePerpetrator(input.entry) };
        case 'people':
          return { register: 'people', entry: registers.savePerson(input.entry) };
      }
    },
    'register:mentions': ({ register, id }) => ({ items: registers.mentions(register, id) }),
    'recipient:list': () => ({ items: services.recipients.list() }),
    'recipient:add': (input) => services.recipients.add(input),
    'custody:verify': () => custody.verify(),
    'attachment:list': ({ testimonyId }) => ({ items: attachments.list(testimonyId) }),
    'attachment:add': async ({ testimonyId }) => {
      testimonies.get(testimonyId);
      // Before the file dialog opens: no point choosing files that cannot be stored.
      consent.requireCanStore(testimonyId);
      const added = [];
      for (const path of await dialogs.pickFilesToAttach()) {
        added.push(await attachments.add(testimonyId, path, basename(path)));
      }
      return { items: added };
    },
    'attachment:export': async ({ id }) => {
      const attachment = attachments.get(id);
      const target = await dialogs.pickSaveTarget(attachment.fileName);
      if (target === null) return { exported: false };
      // The OS save dialog has already asked before replacing an existing file.
      await attachments.exportTo(id, target, { overwrite: true });
      return { exported: true };
    },
    'bundle:export': async ({ testimonyIds, recipientIds, lang, profile }) => {
      // Taken first, so a second export is refused even while this one's save dialog is open.
      const job = services.exportJobs.start();
      try {
        const known = new Map(services.recipients.list().map((r) => [r.id, r]));
        const keys = recipientIds.map((rid) => {
          const recipient = known.get(rid);
          if (!recipient) throw new AppError('NOT_FOUND', 'No such recipient');
          return recipient.publicKey;
        });
        // Refused before the save dialog opens: no folder is asked for an export that cannot be.
        services.exports.check(testimonyIds, keys, profile);
        job.totalBytes = services.exports.estimateBytes(testimonyIds);
        const bundleId = services.exports.newBundleId();
        const target = await dialogs.pickSaveTarget(`${bundleId}.svidok.age`);
        if (target === null) return { exported: false as const };
        // A bundle never replaces a file: an existing name gives FILE_EXISTS.
        const result = await services.exports.exportBundle({
          testimonyIds,
          recipients: keys,
          bundleId,
          outDir: dirname(target),
          fileName: basename(target),
          ...(lang ? { lang } : {}),
          ...(profile ? { profile } : {}),
          signal: job.signal,
          onProgress: job.report,
        });
        return { exported: true as const, ...result };
      } catch (error) {
        // Stopped by a lock: the renderer must hear that the vault is locked, not a cancel.
        if (job.cancelledBy === 'locked') {
          throw new AppError('VAULT_LOCKED', 'The vault was locked; the export was cancelled');
        }
        throw error;
      } finally {
        job.finish();
      }
    },
    ...redactionHandlers(services.redactions),
    'bundle:progress': () => services.exportJobs.status(),
    'bundle:cancel': () => ({ cancelled: services.exportJobs.cancel() }),
    'bundle:open': async ({ pubkey }) => {
      // A mistyped device key is said before any dialog opens; a blank one means "not pinned".
      const pinned = pubkey?.trim() ? pubkey : undefined;
      if (pinned !== undefined) requireDeviceKey(pinned);
      const bundlePath = await dialogs.pickFileToOpen('bundle');
      if (bundlePath === null) return { opened: false as const };
      const identityPath = await dialogs.pickFileToOpen('identity');
      if (identityPath === null) return { opened: false as const };
      return openBundleForView({ bundlePath, identityPath, ...(pinned ? { pubkey: pinned } : {}) });
    },
    'preferences:get': () => preferences.get(),
    'preferences:update': (patch) => preferences.update(patch),
  };
}
