import { InfoCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** A count's label with its definition on hover: every headline count says what it counts. */
export function DefinedLabel({ label, definition }: { label: ReactNode; definition: ReactNode }) {
  return (
    <Tooltip title={definition}>
      <span style={{ cursor: 'help' }}>
        {label} <InfoCircleOutlined style={{ fontSize: '0.85em', opacity: 0.6 }} />
      </span>
    </Tooltip>
  );
}
