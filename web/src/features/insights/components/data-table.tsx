import type { ReactNode } from 'react';

export interface DataColumn<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** Right-align numbers so columns of digits line up. */
  numeric?: boolean;
}

/** A plain data table: the text alternative every chart carries. The first column heads each row. */
export function DataTable<Row>({ caption, columns, rows, rowKey }: { caption: string; columns: DataColumn<Row>[]; rows: readonly Row[]; rowKey(row: Row): string }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c, i) =>
              i === 0 ? (
                <th key={c.header} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.header} className={c.numeric ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
