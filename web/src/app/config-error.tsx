/** Shown instead of the app when amplify_outputs.json is missing or invalid. */
export function ConfigError({ path, errors }: { path: string; errors: string[] }) {
  const missing = errors.length === 1 && errors[0] === 'missing';
  return (
    <main className="config-error">
      <h1>Cruddur is not configured</h1>
      {missing ? (
        <p>
          The web app reads every endpoint from <code>{path}</code>, and that file does not exist yet.
        </p>
      ) : (
        <>
          <p>
            <code>{path}</code> is not usable:
          </p>
          <ul>
            {errors.map((e) => (
              <li key={e}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        Run <code>npm start</code> at the repository root (the offline stack writes the file, then this page reloads), or
        deploy and write it from the stack outputs.
      </p>
    </main>
  );
}
