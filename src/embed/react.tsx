/**
 * `<GpSensitivity />`: the explorer widget as a React component.
 *
 *     import { GpSensitivity } from 'gp-sensitivity-explorer/react';
 *     <GpSensitivity points="0.5,0.2; 1.8,0.9; 3.1,-0.4" kernel="matern52"
 *                    onChange={(fit) => setLengthscale(fit.lengthscale)} />
 *
 * Props are the widget's options (see `EmbedOptions`) plus `onChange`, `worker`, `appUrl`,
 * `className` and `style` for the host element. The widget lives in a shadow root under a <div>,
 * with its own store; prop changes are applied as `<gp-sensitivity>` applies attribute changes.
 */
import { useEffect, useRef, type CSSProperties } from 'react';
import type { FitChangeDetail } from './fitEvents';
import { mount, type EmbedHandle, type MountOptions } from './mount';
import { EMBED_OPTION_NAMES, type EmbedOptions } from './options';

export interface GpSensitivityProps extends EmbedOptions {
  /** Called after each new fit with θ̂. */
  onChange?: (detail: FitChangeDetail) => void;
  worker?: MountOptions['worker'];
  appUrl?: string | null;
  className?: string;
  style?: CSSProperties;
}

function optionsOf(props: GpSensitivityProps): EmbedOptions {
  const options: Record<string, unknown> = {};
  for (const name of EMBED_OPTION_NAMES) {
    if (props[name] !== undefined) options[name] = props[name];
  }
  return options as EmbedOptions;
}

export function GpSensitivity(props: GpSensitivityProps) {
  const { worker = 'shared', appUrl = null, className, style, onChange } = props;
  const host = useRef<HTMLDivElement>(null);
  const widget = useRef<EmbedHandle | null>(null);
  const onChangeRef = useRef(onChange);
  const options = optionsOf(props);
  // Options compared by value: a new array or object with the same content changes nothing.
  const optionsKey = JSON.stringify(options);
  const optionsRef = useRef(options);

  useEffect(() => {
    onChangeRef.current = onChange;
    optionsRef.current = options;
  });

  useEffect(() => {
    if (!host.current) return;
    const handle = mount(host.current, {
      ...optionsRef.current,
      worker,
      appUrl,
      onChange: (detail) => onChangeRef.current?.(detail),
    });
    widget.current = handle;
    return () => {
      handle.destroy();
      widget.current = null;
    };
  }, [worker, appUrl]);

  useEffect(() => {
    widget.current?.update(optionsRef.current);
  }, [optionsKey]);

  return <div ref={host} className={className} style={style} />;
}

export type { FitChangeDetail } from './fitEvents';
export type { EmbedOptions } from './options';
