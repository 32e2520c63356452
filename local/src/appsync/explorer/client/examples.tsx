/**
 * The Examples pane (a GraphiQL plugin): the app's example operations by feature. Opening one
 * puts it in a new tab with its variables, the caller's id filled in where the example asks.
 */
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import { createContext, useContext } from 'react';
import type { ExplorerExample } from '../config.ts';
import type { CallerState } from './use-caller.ts';

/** What the pane needs from the page: the examples and who the caller is. */
export const ExamplesContext = createContext<{ examples: ExplorerExample[]; note?: string; caller: CallerState }>({ examples: [], caller: { state: 'guest' } });

const SIGN_IN_FIRST = 'pick a user in the bar above first: this is their id';

/** The example's variables as JSON, with the caller's id where the example asks for it. */
export function exampleVariables(example: ExplorerExample, caller: CallerState): string {
  const variables: Record<string, unknown> = { ...example.variables };
  for (const name of example.callerIdVariables ?? []) variables[name] = caller.state === 'known' ? caller.caller.id : SIGN_IN_FIRST;
  return Object.keys(variables).length ? JSON.stringify(variables, null, 2) : '';
}

function ExamplesPane() {
  const { examples, note, caller } = useContext(ExamplesContext);
  const editors = useEditorContext({ nonNull: true });
  const groups = [...new Set(examples.map((e) => e.group))];

  function open(example: ExplorerExample) {
    editors.addTab();
    // The new tab's own values land when React applies addTab's state; ours go in after that.
    setTimeout(() => {
      const variables = exampleVariables(example, caller);
      editors.queryEditor?.setValue(example.query);
      editors.variableEditor?.setValue(variables);
      // Show the variables the example filled in (GraphiQL's own Variables button opens that pane).
      if (variables) document.querySelector<HTMLButtonElement>('.graphiql-editor-tools button[data-name="variables"]')?.click();
    });
  }

  return (
    <div className="examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="examples-note">
        {note ? `${note} ` : null}
        {caller.state === 'known' ? (
          <>
            Examples that need your id get yours: <code className="caller-id">{caller.caller.id}</code>.
          </>
        ) : (
          <>Pick a user in the bar above and examples that need your id get it.</>
        )}
      </p>
      {groups.map((group) => (
        <section key={group}>
          <h3>{group}</h3>
          <ul>
            {examples
              .filter((e) => e.group === group)
              .map((e) => (
                <li key={e.title}>
                  <button type="button" className="example" onClick={() => open(e)}>
                    {e.title}
                  </button>
                  {e.description ? <p>{e.description}</p> : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 12h16M4 19h10" strokeLinecap="round" />
    </svg>
  );
}

/** One plugin object for the page's lifetime: GraphiQL compares plugins by reference. */
export const examplesPlugin: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesPane };
