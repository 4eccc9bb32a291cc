import { getAppContext } from '@forge/api';

/**
 * State kept in a function instance's memory for the installation being served: a warm instance may
 * serve more than one, and must never mix their state.
 */
export function perInstallation<T>(create: () => T): () => T {
  const byInstallation = new Map<string, T>();
  return () => {
    const installation = getAppContext().installationAri.toString();
    let value = byInstallation.get(installation);
    if (value === undefined) {
      value = create();
      byInstallation.set(installation, value);
    }
    return value;
  };
}
